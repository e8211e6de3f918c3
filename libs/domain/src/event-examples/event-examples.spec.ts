import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG, validatePayload } from '#catalog';
import { examplePayload } from './event-examples.js';

const at = new Date('2026-03-10T13:26:00.042Z');

describe('generated example payloads (POST /admin/eventos without a payload)', () => {
  it('every catalogue entry has one, and it validates against the entry schema', () => {
    for (const event of EVENT_CATALOG) {
      for (const seed of [1, 2, 3, 97]) {
        const payload = examplePayload(event.id, at, seed);
        expect(validatePayload(event.id, payload).errors, `${event.id} seed ${seed}: ${JSON.stringify(payload)}`).toEqual([]);
      }
    }
  });

  it('is deterministic: the same seed and time give the same body, another seed another body', () => {
    for (const event of EVENT_CATALOG) {
      expect(examplePayload(event.id, at, 7), event.id).toEqual(examplePayload(event.id, at, 7));
    }
    expect(examplePayload('duex-historico', at, 7)).not.toEqual(examplePayload('duex-historico', at, 8));
  });

  it('writes the event time in its module format, from the time it is given', () => {
    expect(examplePayload('dimp-retificacao', at)).toMatchObject({ dataEvento: '2026-03-10T10:26:00-0300' });
    expect(examplePayload('cctr-resultado-recepcao', at)).toMatchObject({ data: '2026-03-10T13:26:00.042Z' });
    expect(examplePayload('duex-historico', at)).toMatchObject({ data: '10/03/2026 10:26:00:042' });
    expect(examplePayload('talp-altsit-lpco-anu', at)).toMatchObject({ dataEvento: '10/03/2026 10:26:00.042000' });
    expect(examplePayload('ccti-vinc-docto-saida', at)).toMatchObject({ dataHoraVinculacao: '10/03/2026 10:26:00' });
    expect(Array.isArray(examplePayload('ccti-bloq-crt', at))).toBe(true);
  });

  it('names the recipients when they are Sefaz: the UFs of interest and the favoured UF', () => {
    const registro = examplePayload('dimp-registro', at, 3, ['SP', 'MG']) as { ufs: Array<{ uf: string }> };
    expect(registro.ufs.map((entry) => entry.uf)).toEqual(['SP', 'MG']);
    expect(examplePayload('pcce-calculo-icms', at, 3, ['RJ'])).toMatchObject({ ufFavorecida: 'RJ' });
    for (const event of EVENT_CATALOG.filter((candidate) => candidate.recipientType === 'UF')) {
      expect(validatePayload(event.id, examplePayload(event.id, at, 5, ['BA'])).valid, event.id).toBe(true);
    }
  });
});
