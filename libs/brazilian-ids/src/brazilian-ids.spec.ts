import { describe, expect, it } from 'vitest';
import { generateCnpj, generateCpf, isValidCnpj, isValidCpf, seededRandom } from './brazilian-ids.js';

describe('CPF', () => {
  it.each(['52998224725', '529.982.247-25', '11144477735'])('accepts the valid CPF %s', (cpf) => {
    expect(isValidCpf(cpf)).toBe(true);
  });

  it.each(['52998224724', '52998224715', '11111111111', '00000000000', '5299822472', '529982247250', 'ABC98224725', ''])(
    'rejects %j',
    (cpf) => {
      expect(isValidCpf(cpf)).toBe(false);
    },
  );

  it('generates valid CPFs', () => {
    for (let i = 0; i < 2000; i++) {
      const cpf = generateCpf();
      expect(cpf).toMatch(/^\d{11}$/);
      expect(isValidCpf(cpf), cpf).toBe(true);
    }
  });
});

describe('CNPJ', () => {
  it.each(['11222333000181', '11.222.333/0001-81', '07070596000145', '12ABC34501DE35', '12.ABC.345/01DE-35'])(
    'accepts the valid CNPJ %s',
    (cnpj) => {
      expect(isValidCnpj(cnpj)).toBe(true);
    },
  );

  it.each(['11222333000182', '11222333000191', '00000000000000', '99999999999999', '1122233300018', '112223330001811', '12ABC34501DE36', ''])(
    'rejects %j',
    (cnpj) => {
      expect(isValidCnpj(cnpj)).toBe(false);
    },
  );

  it('generates valid head-office CNPJs', () => {
    for (let i = 0; i < 2000; i++) {
      const cnpj = generateCnpj();
      expect(cnpj).toMatch(/^\d{8}0001\d{2}$/);
      expect(isValidCnpj(cnpj), cnpj).toBe(true);
    }
  });
});

describe('seeded generation', () => {
  it('is deterministic for a given seed and varies across seeds', () => {
    const run = (seed: number) => {
      const random = seededRandom(seed);
      return [generateCpf(random), generateCnpj(random), generateCpf(random)];
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
    expect(run(42).every((id) => (id.length === 11 ? isValidCpf(id) : isValidCnpj(id)))).toBe(true);
  });
});
