/**
 * Every open event stream's end. A stopping server ends them all at once: `server.close` waits
 * for each open response, so one stream held the exit until its 5 s cap; the browser's
 * EventSource reconnects 2 s after its stream ends (at a rolling restart, to another replica).
 */
export class OpenStreams {
  private readonly ends = new Set<() => void>();

  add(end: () => void): void {
    this.ends.add(end);
  }

  delete(end: () => void): void {
    this.ends.delete(end);
  }

  get size(): number {
    return this.ends.size;
  }

  /** Ends every open stream (each end removes itself); one that throws does not keep the rest open. */
  endAll(): void {
    for (const end of [...this.ends]) {
      try {
        end();
      } catch {
        this.ends.delete(end);
      }
    }
  }
}
