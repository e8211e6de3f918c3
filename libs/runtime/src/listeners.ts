/**
 * The listeners this process will open, and which of them accept connections yet. `/health` answers up
 * only once all of them do: a client that waits for /health and then calls the portal never finds its
 * port closed (several Nest apps share one process in the gateway and the single-process mode).
 */
const expected = new Set<string>();
const listening = new Set<string>();

/** Declares listeners before the first of them opens. */
export function expectListeners(...names: string[]): void {
  for (const name of names) expected.add(name);
}

export function listenerReady(name: string): void {
  expected.add(name);
  listening.add(name);
}

/** The listeners declared that do not accept connections yet. */
export function listenersPending(): string[] {
  return [...expected].filter((name) => !listening.has(name));
}
