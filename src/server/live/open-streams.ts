/**
 * Every open event stream's end. A stopping server ends them all at once: `server.close` waits
 * for each open response, so one stream held the exit until its 5 s cap; the browser's
 * EventSource reconnects 2 s after its stream ends (at a rolling restart, to another replica).
 */
export class OpenStreams {
  private readonly ends = new Set<() => void>();
  /** Set by endAll: a stopping server opens no new stream. */
  stopping = false;

  add(end: () => void): void {
    this.ends.add(end);
  }

  delete(end: () => void): void {
    this.ends.delete(end);
  }

  get size(): number {
    return this.ends.size;
  }

  /** Ends every open stream (each end removes itself) and refuses new ones from now on. */
  endAll(): void {
    this.stopping = true;
    for (const end of [...this.ends]) end();
  }
}
