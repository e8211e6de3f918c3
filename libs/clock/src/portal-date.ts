const BRASILIA_OFFSET_MS = -3 * 60 * 60 * 1000;

/**
 * Dates as the portal writes them: Brasília time with a numeric offset, `2024-12-31T23:59:01-0300`.
 * Brasília has had no daylight saving time since 2019, so the offset is fixed.
 */
export function formatPortalDate(date: Date): string {
  return new Date(date.getTime() + BRASILIA_OFFSET_MS).toISOString().slice(0, 19) + '-0300';
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSSZ` with the Brasília offset, used by the Duimp cover fields. */
export function formatPortalDateMillis(date: Date): string {
  return new Date(date.getTime() + BRASILIA_OFFSET_MS).toISOString().slice(0, 23) + '-0300';
}
