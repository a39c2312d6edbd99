// Event streams held open against the app, as listener pages hold them: plain HTTP GETs of
// /api/channels/<slug>/events, spread over many loopback addresses (127.0.x.y) so each client
// stays under the app's per-client cap, as real listeners on their own addresses do.
import http from 'node:http';

/** Streams per source address: under the app's cap of 32 per client (src/server/live/stream-caps.ts). */
const PER_ADDRESS = 25;

/** The i-th stream's source address; `first` skips the addresses of an earlier set (the app may not have seen those close yet). */
function address(i: number): string {
  const n = Math.floor(i / PER_ADDRESS);
  return `127.0.${1 + Math.floor(n / 250)}.${2 + (n % 250)}`;
}

export class EventStreams {
  private readonly requests: http.ClientRequest[] = [];
  /** `event: state` frames received over all streams, and refusals (a non-200 answer). */
  frames = 0;
  refused = 0;
  open_ = 0;

  constructor(
    private readonly appUrl: string,
    private readonly slug: string,
    private readonly first = 0,
  ) {}

  /** Opens streams until `n` are open; resolves once every new one has answered its headers. */
  async grow(n: number): Promise<void> {
    const url = new URL(`/api/channels/${this.slug}/events`, this.appUrl);
    const pending: Promise<void>[] = [];
    for (let i = this.requests.length; i < n; i++) {
      pending.push(
        new Promise<void>((resolve) => {
          const req = http.get(
            { host: url.hostname, port: url.port, path: url.pathname, localAddress: address(this.first + i), agent: false },
            (res) => {
              if (res.statusCode !== 200) this.refused += 1;
              else this.open_ += 1;
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => (this.frames += chunk.split('event: state').length - 1));
              res.on('error', () => undefined);
              resolve();
            },
          );
          req.on('error', () => {
            this.refused += 1;
            resolve();
          });
          this.requests.push(req);
        }),
      );
    }
    await Promise.all(pending);
  }

  close(): void {
    for (const req of this.requests.splice(0)) req.destroy();
    this.open_ = 0;
  }
}
