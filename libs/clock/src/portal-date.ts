const BRASILIA_OFFSET_MS = -3 * 60 * 60 * 1000;

/** The instant as Brasília wall-clock fields, `yyyy-MM-ddTHH:mm:ss.SSS` (no DST since 2019: the offset is fixed). */
function brasiliaWallClock(date: Date): string {
  return new Date(date.getTime() + BRASILIA_OFFSET_MS).toISOString().slice(0, 23);
}

/**
 * Dates as the Duimp module writes them: Brasília time with a numeric offset, `2024-12-31T23:59:01-0300`.
 */
export function formatPortalDate(date: Date): string {
  return brasiliaWallClock(date).slice(0, 19) + '-0300';
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSSZ` with the Brasília offset, used by the Duimp cover fields. */
export function formatPortalDateMillis(date: Date): string {
  return brasiliaWallClock(date) + '-0300';
}

/** CCT Exportação: UTC with milliseconds, `2024-04-09T14:08:57.023Z`. */
export function formatUtcMillis(date: Date): string {
  return date.toISOString();
}

/** CCT Importação (CRT): Brasília time with a colon in the offset, `2025-03-01T10:00:00-03:00`. */
export function formatBrasiliaIso(date: Date): string {
  return brasiliaWallClock(date).slice(0, 19) + '-03:00';
}

/**
 * The `dd/MM/yyyy…` family of DU-E, TA-LPCO and CCT vínculo notifications, in Brasília time.
 * `fraction` is how many fraction digits follow the seconds and which separator precedes them
 * (DU-E writes `:SSS`, TA-LPCO `.SSSSSS`); without seconds, the date stops at the minutes.
 */
export function formatBrazilianDate(date: Date, precision: 'minutes' | 'seconds' | 'millis-colon' | 'micros'): string {
  const wall = brasiliaWallClock(date);
  const day = `${wall.slice(8, 10)}/${wall.slice(5, 7)}/${wall.slice(0, 4)} ${wall.slice(11, 16)}`;
  switch (precision) {
    case 'minutes':
      return day;
    case 'seconds':
      return `${day}${wall.slice(16, 19)}`;
    case 'millis-colon':
      return `${day}${wall.slice(16, 19)}:${wall.slice(20, 23)}`;
    case 'micros':
      // The simulated clock has millisecond precision: the last three digits are zero.
      return `${day}${wall.slice(16, 19)}.${wall.slice(20, 23)}000`;
  }
}

/**
 * An event's instant at whole seconds: the Duimp and Sefaz formats carry no fraction, so every view of the
 * event (payload, `criadaEm`, `/falhas`) reads the same instant only if it has none.
 */
export function wholeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
