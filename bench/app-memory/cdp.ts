// The app server's own inspector, reached from outside: SIGUSR1 makes a running Node process open
// its inspector (on the port of --inspect-port in its NODE_OPTIONS, 9229 without), and the Chrome
// DevTools Protocol over Node's global WebSocket then collects garbage, reads the heap, takes heap
// snapshots and CPU profiles. No product code is involved and nothing is changed in the app.
import { createWriteStream } from 'node:fs';
import { sleep } from '../support/env';

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void };
type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: { message: string } };

/** The port of `--inspect-port=[host:]port` in NODE_OPTIONS (the app's environment is the bench's), else Node's 9229. */
export function inspectPort(nodeOptions = process.env.NODE_OPTIONS ?? ''): number {
  const m = /--inspect-port=(?:[^\s:]+:)?(\d+)/.exec(nodeOptions);
  return m ? Number(m[1]) : 9229;
}

export class Cdp {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, (params: Record<string, unknown>) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.addEventListener('message', (ev: MessageEvent) => {
      const msg = JSON.parse(String(ev.data)) as Message;
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(msg.error.message));
        else p?.resolve(msg.result);
      } else if (msg.method) this.listeners.get(msg.method)?.(msg.params ?? {});
    });
  }

  /** Signals `pid` to open its inspector on `port`, then connects to its one target. */
  static async attach(pid: number, port: number, timeoutMs = 15_000): Promise<Cdp> {
    process.kill(pid, 'SIGUSR1');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
        const url = targets[0]?.webSocketDebuggerUrl;
        if (url) return await Cdp.connect(url);
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`pid ${pid} opened no inspector on 127.0.0.1:${port}`);
      await sleep(250);
    }
  }

  private static connect(url: string): Promise<Cdp> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => resolve(new Cdp(ws)));
      ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
    });
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => resolve(v as T), reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  on(method: string, listener: (params: Record<string, unknown>) => void): void {
    this.listeners.set(method, listener);
  }

  /** A value computed in the app's main context (JSON-serialisable). */
  async evaluate<T>(expression: string): Promise<T> {
    const out = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
      expression,
      returnByValue: true,
    });
    if (out.exceptionDetails) throw new Error(`${expression}: ${out.exceptionDetails.text}`);
    return out.result.value;
  }

  /** Full (mark-compact) collections until the heap stops shrinking, as --expose-gc's gc() would. */
  async collectGarbage(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.send('HeapProfiler.collectGarbage');
  }

  /** Writes a heap snapshot (after a collection) to `file`; resolves once it is complete on disk. */
  async heapSnapshot(file: string): Promise<void> {
    const out = createWriteStream(file);
    this.on('HeapProfiler.addHeapSnapshotChunk', (p) => out.write(String(p.chunk)));
    await this.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }

  close(): void {
    this.ws.close();
  }
}
