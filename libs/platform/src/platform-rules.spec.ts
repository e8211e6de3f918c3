import { describe, expect, it } from 'vitest';
import { accessLimitMessage, blockEnd } from './access-limits.js';
import { maintenanceEnd } from './maintenance-window.js';

// Brasília is UTC-3: 14:45 BRT is 17:45Z.
const brt = (hhmm: string, day = '2025-03-10') => new Date(`${day}T${hhmm}:00.000-03:00`);

describe('access-limit blocks ("Limites de Acesso")', () => {
  it('follows the page: 1st until the next hour, 2nd one more hour, 3rd and later two more', () => {
    expect(blockEnd(brt('14:00'), 1)).toEqual(brt('15:00'));
    expect(blockEnd(brt('15:00'), 2)).toEqual(brt('17:00'));
    expect(blockEnd(brt('17:00'), 3)).toEqual(brt('20:00'));
    expect(blockEnd(brt('17:00'), 7)).toEqual(brt('20:00'));
  });

  it('ends every block at 00:00', () => {
    expect(blockEnd(brt('23:00'), 3)).toEqual(brt('00:00', '2025-03-11'));
  });

  it('writes the quota and the end in Brasília time', () => {
    expect(accessLimitMessage(3, brt('15:00'))).toBe(
      'Foi atingido o limite de 3 acessos permitidos à funcionalidade em uma hora. A funcionalidade estará disponível novamente após as 15:00.',
    );
  });
});

describe('maintenance window', () => {
  it('is 01:00–03:00 Brasília when the daily window is on', () => {
    expect(maintenanceEnd(brt('00:59'), { daily: true, openUntil: null })).toBeNull();
    expect(maintenanceEnd(brt('01:00'), { daily: true, openUntil: null })).toEqual(brt('03:00'));
    expect(maintenanceEnd(brt('02:59'), { daily: false, openUntil: null })).toBeNull();
    expect(maintenanceEnd(brt('03:00'), { daily: true, openUntil: null })).toBeNull();
  });

  it('takes the later end of an unscheduled window and the daily one', () => {
    expect(maintenanceEnd(brt('02:00'), { daily: true, openUntil: brt('04:00') })).toEqual(brt('04:00'));
    expect(maintenanceEnd(brt('10:00'), { daily: true, openUntil: brt('09:00') })).toBeNull();
  });
});
