/**
 * Which lane an endpoint's attempts take. An endpoint that answers slowly or times out would hold a
 * main-lane slot for up to the whole 3.5 s budget per attempt and starve every healthy endpoint; its
 * attempts go to the slow lane instead, which has many more slots for waiting sockets.
 */
export class EndpointLanes {
  private readonly slowUntil = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    /** Attempts one endpoint may have in flight on the main lane before the rest go to the slow lane. */
    private readonly perEndpointLimit: number,
    /** An attempt this long marks its endpoint slow. */
    private readonly slowAfterMs: number,
    /** How long an endpoint stays slow after its last slow attempt. */
    private readonly rememberMs = 30_000,
  ) {}

  /** Whether an attempt picked up by the main lane should move to the slow lane. */
  isSlow(endpoint: string): boolean {
    const until = this.slowUntil.get(endpoint);
    if (until !== undefined) {
      if (until > Date.now()) return true;
      this.slowUntil.delete(endpoint);
    }
    // Piling up before its first attempt has even timed out is as telling.
    return (this.inFlight.get(endpoint) ?? 0) >= this.perEndpointLimit;
  }

  started(endpoint: string): void {
    this.inFlight.set(endpoint, (this.inFlight.get(endpoint) ?? 0) + 1);
  }

  finished(endpoint: string, durationMs: number, cause: string): void {
    const left = (this.inFlight.get(endpoint) ?? 1) - 1;
    if (left > 0) this.inFlight.set(endpoint, left);
    else this.inFlight.delete(endpoint);
    if (cause === 'TIMEOUT' || durationMs >= this.slowAfterMs) this.slowUntil.set(endpoint, Date.now() + this.rememberMs);
    else this.slowUntil.delete(endpoint);
  }
}
