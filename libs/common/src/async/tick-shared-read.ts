/**
 * Shares one run of `read` among the callers of the same tick (a batch of deliveries, requests arriving
 * together). A run starts only after every call it answers, so whatever was committed before a call is
 * seen by its answer: unlike a timed cache, it is never stale.
 */
export class TickSharedRead<T> {
  private next?: Promise<T>;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    this.next ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // Callers from now on wait for the next run: this one may miss what they follow.
      this.next = undefined;
      return this.read();
    });
    return this.next;
  }
}
