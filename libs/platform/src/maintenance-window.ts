import { brasiliaHourOfDay } from './brasilia-time.js';

/** The portal's daily scheduled stop: 01:00–03:00, Brasília time (PUCX-ER0401). */
export const DAILY_WINDOW = { fromHour: 1, toHour: 3 } as const;

export const MAINTENANCE_CODE = 'PUCX-ER0401';
export const MAINTENANCE_MESSAGE =
  'O Portal Único de Comércio Exterior encontra-se em uma parada programada que ocorre diariamente entre 01:00 e 03:00.';

export interface MaintenanceSettings {
  /** The daily window is on. */
  daily: boolean;
  /** End of an unscheduled window opened now through the admin API. */
  openUntil: Date | null;
}

/** When the maintenance window `now` falls in ends, or null when the portal is up. */
export function maintenanceEnd(now: Date, { daily, openUntil }: MaintenanceSettings): Date | null {
  const ends: Date[] = [];
  if (openUntil && openUntil > now) ends.push(openUntil);
  if (daily) {
    const from = brasiliaHourOfDay(now, DAILY_WINDOW.fromHour);
    const to = brasiliaHourOfDay(now, DAILY_WINDOW.toHour);
    if (now >= from && now < to) ends.push(to);
  }
  return ends.length === 0 ? null : new Date(Math.max(...ends.map((end) => end.getTime())));
}
