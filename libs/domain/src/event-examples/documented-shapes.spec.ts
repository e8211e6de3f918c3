import { describe, expect, it } from 'vitest';
import { DATE_PATTERNS, EVENT_CATALOG, findCatalogEvent, validatePayload } from '#catalog';
import { DOCUMENTED_FIXTURES, INTEGRATOR_FIXTURES } from './documented-fixtures.js';
import { examplePayload } from './event-examples.js';

/** A body's shape: keys, nesting, JSON types, top-level array vs object, and each date string's format. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return [value.length > 0 ? shapeOf(value[0]) : 'empty'];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, shapeOf((value as Record<string, unknown>)[key])]));
  }
  if (typeof value === 'string') {
    const format = Object.entries(DATE_PATTERNS).find(([, pattern]) => new RegExp(pattern).test(value));
    return format ? `date:${format[0]}` : 'string';
  }
  return typeof value;
}

const at = new Date('2026-03-10T13:26:00.042Z');

describe('payloads as the sources show them (SPEC §6 "Where each payload comes from")', () => {
  it('every documentado entry has a fixture transcribed from its page, and our generated body has its shape', () => {
    const documented = EVENT_CATALOG.filter((event) => event.proveniencia.tipo === 'documentado').map((event) => event.id);
    expect(documented.sort()).toEqual(Object.keys(DOCUMENTED_FIXTURES).sort());
    for (const id of documented) {
      expect(validatePayload(id, DOCUMENTED_FIXTURES[id]).errors, `fixture ${id}`).toEqual([]);
      expect(shapeOf(examplePayload(id, at)), id).toEqual(shapeOf(DOCUMENTED_FIXTURES[id]));
    }
  });

  it('entries known from integrator code match the bodies those receivers read', () => {
    for (const [id, fixture] of Object.entries(INTEGRATOR_FIXTURES)) {
      expect(findCatalogEvent(id)?.proveniencia.tipo, id).toBe(id === 'talp-altsit-lpco-anu' ? 'proposta' : 'simulado');
      expect(validatePayload(id, fixture).errors, `fixture ${id}`).toEqual([]);
      expect(shapeOf(examplePayload(id, at)), id).toEqual(shapeOf(fixture));
    }
  });

  it('documentado entries cite an official page with the day it was read; simulado ones say why', () => {
    for (const event of EVENT_CATALOG) {
      const { tipo, fontes, motivo } = event.proveniencia;
      // The header is documented as Texto(20), yet the portal's own page names cctr-resultado-recepcao (23) and
      // receivers in production get ccti-vinc-docto-saida (21): the bound that holds is the subscription's Texto(40).
      expect(event.id.length, event.id).toBeLessThanOrEqual(40);
      if (tipo === 'documentado') expect(fontes.some((fonte) => fonte.oficial && fonte.endereco.startsWith('https://')), event.id).toBe(true);
      if (tipo === 'simulado') expect(motivo, event.id).toBeTruthy();
      for (const fonte of fontes) expect(fonte.lidoEm).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
