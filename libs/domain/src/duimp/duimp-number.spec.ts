import { describe, expect, it } from 'vitest';
import { buildDuimpNumber, duimpCheckDigit, duimpSequence, formatDuimpVersion, isValidDuimpNumber } from './duimp-number.js';

describe('Duimp number (AABRSSSSSSSSSSD, modulo 11)', () => {
  it('accepts the official examples', () => {
    expect(isValidDuimpNumber('20BR00001001899')).toBe(true);
    expect(isValidDuimpNumber('19BR00000004677')).toBe(true);
  });

  it('rejects every wrong check digit of the official examples', () => {
    for (const number of ['20BR00001001899', '19BR00000004677']) {
      for (let digit = 0; digit <= 9; digit++) {
        const candidate = number.slice(0, 14) + digit;
        expect(isValidDuimpNumber(candidate)).toBe(candidate === number);
      }
    }
  });

  it('rejects the made-up documentation example and malformed numbers', () => {
    expect(isValidDuimpNumber('21BR00123456789')).toBe(false);
    for (const bad of ['24BR0000000001', '20BR000010018990', '20XX00001001899', '20br00001001899', '2OBR00001001899', '']) {
      expect(isValidDuimpNumber(bad)).toBe(false);
    }
  });

  it('weights the 12 digits 2..13 from right to left, r < 2 gives 0', () => {
    // 20 0000100189: computed by hand = 9.
    expect(duimpCheckDigit('20', '0000100189')).toBe(9);
    // A sequence whose weighted sum is a multiple of 11 must give 0, never 11.
    const zero = Array.from({ length: 5000 }, (_, i) => String(i + 1).padStart(10, '0')).find((seq) => {
      let sum = 0;
      const digits = `26${seq}`;
      for (let i = 0; i < 12; i++) sum += Number(digits[11 - i]) * (i + 2);
      return sum % 11 === 0;
    })!;
    expect(duimpCheckDigit('26', zero)).toBe(0);
  });

  it('builds valid numbers and reads their sequence back', () => {
    for (const sequence of [1, 42, 1_344_756, 9_999_999_999]) {
      const number = buildDuimpNumber('26', sequence);
      expect(number).toMatch(/^26BR\d{11}$/);
      expect(isValidDuimpNumber(number)).toBe(true);
      expect(duimpSequence(number)).toBe(sequence);
    }
    expect(buildDuimpNumber('20', 100_189)).toBe('20BR00001001899');
    expect(() => buildDuimpNumber('26', 0)).toThrow();
  });

  it('writes versions with four digits', () => {
    expect(formatDuimpVersion(1)).toBe('0001');
    expect(formatDuimpVersion(12)).toBe('0012');
  });
});
