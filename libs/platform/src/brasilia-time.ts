const HOUR_MS = 3_600_000;
const BRASILIA_OFFSET_MS = -3 * HOUR_MS;

/** Brasília wall time as a UTC Date (no daylight saving time since 2019: the offset is fixed). */
const wall = (date: Date) => new Date(date.getTime() + BRASILIA_OFFSET_MS);

/** Start of the clock hour `date` falls in (Brasília's offset is whole hours, so UTC hours align). */
export function hourStart(date: Date): Date {
  return new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS);
}

/** The Brasília calendar day, `yyyy-MM-dd`. */
export function brasiliaDay(date: Date): string {
  return wall(date).toISOString().slice(0, 10);
}

/** The next 00:00 in Brasília after `date`. */
export function nextBrasiliaMidnight(date: Date): Date {
  const midnight = new Date(`${brasiliaDay(date)}T00:00:00.000Z`).getTime() - BRASILIA_OFFSET_MS;
  return new Date(midnight + 24 * HOUR_MS);
}

/** `date` at Brasília `hour`:00 of the same Brasília day. */
export function brasiliaHourOfDay(date: Date, hour: number): Date {
  return new Date(new Date(`${brasiliaDay(date)}T00:00:00.000Z`).getTime() - BRASILIA_OFFSET_MS + hour * HOUR_MS);
}

/** `HH:mm` in Brasília, as the portal writes the end of an access block. */
export function brasiliaClock(date: Date): string {
  return wall(date).toISOString().slice(11, 16);
}

export { HOUR_MS };
