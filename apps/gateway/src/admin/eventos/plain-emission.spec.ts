import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { portalValidationPipe } from '#common';
import { EmitirEventoDto } from './emitir-evento.dto.js';
import { isPlainEmission } from './plain-emission.js';

const pipe = portalValidationPipe();
const BODY = { type: 'body', metatype: EmitirEventoDto } as const;

/** What the validation pipe makes of a body: its output as JSON, or null when it refuses it. */
async function throughPipe(body: unknown): Promise<unknown> {
  try {
    return JSON.parse(JSON.stringify(await pipe.transform(body, BODY)));
  } catch {
    return null;
  }
}

// Values each field may take: valid ones, then others, mixed so that about half the bodies are valid.
const FIELD_VALUES = {
  evento: [['dimp-registro', 'talp-deferimento', ''], ['x'.repeat(300), 1, null, ['dimp-registro']]],
  tipo: [['UF', 'ORGAO', 'NI'], ['uf', 'XX', '', 1, null, undefined]],
  id: [['SP', 'ANVISA', '12345678000199', 'x'.repeat(20), 'a b'], ['S', 'x'.repeat(21), 'é'.repeat(3), '😀😀', '\u0000\u0000', 12, null]],
  payload: [[undefined, {}, { a: 1 }, [{ a: 1 }], []], [[1], 'x', 1, null, [null]]],
  validarPayload: [[undefined, true, false], ['false', 0, null]],
  seed: [[undefined, 0, 7, 2 ** 31 - 1], [2 ** 31, -1, 1.5, '7', null, Number.NaN]],
} as const;

/** A deterministic pseudo-random sequence (mulberry32), so a failure names a body that comes back. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function* bodies(count: number): Generator<unknown> {
  const next = random(19);
  const pick = (field: keyof typeof FIELD_VALUES): unknown => {
    const [valid, invalid] = FIELD_VALUES[field] as readonly [readonly unknown[], readonly unknown[]];
    const list = next() < 0.9 ? valid : invalid;
    return list[Math.floor(next() * list.length)];
  };
  for (let n = 0; n < count; n++) {
    const recipients = Array.from({ length: Math.floor(next() * 3) + (next() < 0.95 ? 1 : 0) }, () => {
      const recipient: Record<string, unknown> = { tipo: pick('tipo'), id: pick('id') };
      if (next() < 0.03) recipient.extra = 1;
      if (next() < 0.03) delete recipient.id;
      return recipient;
    });
    const body: Record<string, unknown> = { evento: pick('evento'), destinatarios: next() < 0.03 ? 'SP' : recipients };
    for (const field of ['payload', 'validarPayload', 'seed'] as const) {
      const value = pick(field);
      if (value !== undefined || next() < 0.5) body[field] = value;
    }
    if (next() < 0.03) body.fase = 'extra';
    yield next() < 0.02 ? [body] : body;
  }
}

describe('isPlainEmission: the emission body checked without class-validator', () => {
  it('accepts only what the validation pipe accepts, and the pipe leaves it unchanged', async () => {
    let accepted = 0;
    for (const body of bodies(3_000)) {
      if (!isPlainEmission(body)) continue;
      accepted += 1;
      expect(await throughPipe(body), JSON.stringify(body)).toEqual(JSON.parse(JSON.stringify(body)));
    }
    // The check is worth having only if it takes the common bodies.
    expect(accepted).toBeGreaterThan(300);
  });

  it('takes the bodies CI jobs send', () => {
    expect(isPlainEmission({ evento: 'dimp-registro', destinatarios: [{ tipo: 'UF', id: 'SP' }] })).toBe(true);
    expect(isPlainEmission({ evento: 'talp-deferimento', destinatarios: [{ tipo: 'NI', id: '12345678000199' }], payload: { a: 1 }, validarPayload: false, seed: 3 })).toBe(true);
  });

  it('leaves to the pipe anything it does not recognise', () => {
    for (const body of [null, [], {}, { evento: 'x', destinatarios: [] }, { evento: 'x', destinatarios: [{ tipo: 'UF', id: 'SP' }], payload: null }, { evento: 'x', destinatarios: [{ tipo: 'UF', id: 'SP' }], extra: 1 }]) {
      expect(isPlainEmission(body), JSON.stringify(body)).toBe(false);
    }
  });
});
