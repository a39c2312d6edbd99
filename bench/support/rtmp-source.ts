import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fail } from './env';

/** Wall clock shared with the browser pages: `performance.timeOrigin + performance.now()`. */
export const wallNow = () => performance.timeOrigin + performance.now();

const RATE = 48_000;
const CHUNK_MS = 10;
const CHUNK_FRAMES = (RATE * CHUNK_MS) / 1000;

export type Signal =
  { kind: 'tone'; hz: number; amplitude: number } | { kind: 'clicks'; periodMs: number; burstMs: number; hz: number; amplitude: number };

/**
 * A TCP relay in front of the ingress's RTMP port that stamps the first byte the encoder
 * sends: the "first RTMP packet" of a push, on the shared clock.
 */
export async function rtmpTap(target: URL): Promise<{ url: (key: string) => string; firstByte: () => number | null; close: () => void }> {
  let first: number | null = null;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: target.hostname, port: Number(target.port || 1935) });
    sockets.add(client).add(upstream);
    client.once('data', () => (first ??= wallNow()));
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('close', end).once('error', end);
    upstream.once('close', end).once('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: (key) => `rtmp://127.0.0.1:${port}${target.pathname}/${key}`,
    firstByte: () => first,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

/** ffmpeg reading 48 kHz stereo s16le from stdin and pushing AAC in FLV to `rtmpUrl`, flushing every packet. */
function encoderArgs(rtmpUrl: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    's16le',
    '-ar',
    String(RATE),
    '-ac',
    '2',
    '-i',
    'pipe:0',
    '-c:a',
    'aac',
    '-b:a',
    '160k',
    '-flush_packets',
    '1',
    '-f',
    'flv',
    rtmpUrl,
  ];
}

/**
 * Sample `n` of the signal (-1..1). Between clicks a faint 50 Hz hum (-54 dBFS, far below any detector
 * threshold) stands in for a real programme: in this setup a push of pure digital silence with short
 * bursts did not reach the listener at all (bench/README.md, OBS ingress), and OBS never sends pure zeros either.
 */
function sampleOf(signal: Signal, period: number): (n: number) => number {
  const burst = signal.kind === 'clicks' ? Math.round((signal.burstMs * RATE) / 1000) : 0;
  return (n) => {
    const wave = signal.amplitude * Math.sin((2 * Math.PI * signal.hz * n) / RATE);
    if (signal.kind === 'tone' || n % period < burst) return wave;
    return 0.002 * Math.sin((2 * Math.PI * 50 * n) / RATE);
  };
}

/**
 * ffmpeg as OBS: raw PCM generated here in real time (never ahead of the clock) is piped in and
 * pushed as AAC in FLV over RTMP. Each click's send time is when its first sample was written.
 */
export function startEncoder(rtmpUrl: string, signal: Signal): { clicks: number[]; stop: () => Promise<void>; child: ChildProcess } {
  const child = spawn('ffmpeg', encoderArgs(rtmpUrl), { stdio: ['pipe', 'ignore', 'inherit'] });
  child.once('error', (err) => fail(`ffmpeg: ${err.message}`));
  child.stdin?.on('error', () => undefined); // the ingress may end the push; stop() handles it
  const clicks: number[] = [];
  const start = wallNow();
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;

  // Whole frames, so a click starts exactly on a frame and its send time is that frame's write.
  const period = signal.kind === 'clicks' ? Math.round((signal.periodMs * RATE) / 1000) : 0;
  const sample = sampleOf(signal, period);
  const pump = () => {
    const due = Math.floor(((wallNow() - start) / 1000) * RATE);
    while (frame + CHUNK_FRAMES <= due) {
      const buf = Buffer.alloc(CHUNK_FRAMES * 4);
      for (let i = 0; i < CHUNK_FRAMES; i++) {
        const n = frame + i;
        if (period > 0 && n % period === 0) clicks.push(wallNow());
        const v = Math.max(-32768, Math.min(32767, Math.round(sample(n) * 32767)));
        buf.writeInt16LE(v, i * 4);
        buf.writeInt16LE(v, i * 4 + 2);
      }
      child.stdin?.write(buf);
      frame += CHUNK_FRAMES;
    }
    timer = setTimeout(pump, 2);
  };
  pump();
  const stop = async () => {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin?.end();
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
  };
  return { clicks, stop, child };
}
