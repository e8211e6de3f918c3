/** Instants as the simulated clock wrote them, in Brasília time (the portal's). */
const DATE_TIME = new Intl.DateTimeFormat('pt-BR', {
  timeZone: 'America/Sao_Paulo',
  dateStyle: 'short',
  timeStyle: 'medium',
});

export function dateTime(value: string | null | undefined): string {
  return value ? DATE_TIME.format(new Date(value)) : '—';
}

/** A duration in days, hours and minutes, e.g. "29 d 23 h 55 min". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return `${days} d ${hours} h ${minutes % 60} min`;
}

/** A `datetime-local` value (Brasília time) as an ISO instant, for the API. */
export function fromLocalInput(value: string): string | undefined {
  return value ? new Date(`${value}:00-03:00`).toISOString() : undefined;
}

/** The notification states, as the server names them in the page shell (it owns the list). */
export const SITUACOES = (document.querySelector<HTMLMetaElement>('meta[name="situacoes"]')?.content ?? '').split(',').filter(Boolean);

export function Situacao({ value }: { value: string }) {
  return <span class={`situacao situacao-${value}`}>{value}</span>;
}
