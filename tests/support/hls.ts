// HLS test helpers: a DJ publishing a real tone from Node, and checks on what
// egress wrote to the stack's MinIO (read anonymously, as a listener would).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AudioFrame, AudioSource, LocalAudioTrack, type Room, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';
import { untilPublishAllowed } from './livekit-peer';

const RATE = 48_000;
const FRAME = 480; // 10 ms

/**
 * Publishes a stereo sine as the microphone and keeps feeding it until `stop()`. Like the DJ
 * console, it waits for the publish rights the server grants after the join (DJ tokens carry
 * none): rtc-node does not fail an early publish the server refuses, it times out after 10 s.
 */
export async function publishTone(room: Room, hz = 1000): Promise<{ stop: () => Promise<void>; sid: string }> {
  await untilPublishAllowed(room, 15_000);
  const source = new AudioSource(RATE, 2);
  const track = LocalAudioTrack.createAudioTrack('tone', source);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  const publication = await room.localParticipant!.publishTrack(track, options);
  let running = true;
  let n = 0;
  const loop = (async () => {
    while (running) {
      const data = new Int16Array(FRAME * 2);
      for (let i = 0; i < FRAME; i++, n++) {
        const v = Math.round(Math.sin((2 * Math.PI * hz * n) / RATE) * 0.5 * 32767);
        data[2 * i] = v;
        data[2 * i + 1] = v;
      }
      await source.captureFrame(new AudioFrame(data, RATE, 2, FRAME));
    }
  })();
  return {
    sid: publication.sid ?? '',
    stop: async () => {
      running = false;
      await loop;
      await room.localParticipant!.unpublishTrack(publication.sid ?? '');
    },
  };
}

/** Segment URIs of a media playlist, resolved against its URL. */
export function segmentUrls(playlistUrl: string, text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => new URL(l, playlistUrl).toString());
}

/** Goertzel power of `hz` relative to the mean power of nearby off-tone frequencies (dB). */
function toneOverNeighboursDb(samples: Float32Array, rate: number, hz: number): number {
  const power = (f: number) => {
    const k = (2 * Math.PI * f) / rate;
    const c = 2 * Math.cos(k);
    let s1 = 0;
    let s2 = 0;
    for (const x of samples) {
      const s = x + c * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    return s1 * s1 + s2 * s2 - c * s1 * s2;
  };
  const others = [hz * 0.5, hz * 0.7, hz * 1.37, hz * 1.9, hz * 2.6].map(power);
  const mean = others.reduce((a, b) => a + b, 0) / others.length;
  return 10 * Math.log10((power(hz) + 1e-12) / (mean + 1e-12));
}

/** Decodes an MPEG-TS segment with ffmpeg and says how far the tone stands out (dB), and its RMS. */
export async function analyseSegment(url: string, hz = 1000): Promise<{ toneDb: number; rms: number; bytes: number }> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`segment ${url}: HTTP ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  const run = spawnSync('ffmpeg', ['-v', 'error', '-i', 'pipe:0', '-f', 'f32le', '-ac', '1', '-ar', '48000', 'pipe:1'], {
    input: bytes,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`ffmpeg is required to decode HLS segments (apt-get install ffmpeg): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`ffmpeg could not decode ${url}: ${run.stderr.toString()}`);
  const pcm = new Float32Array(run.stdout.buffer, run.stdout.byteOffset, Math.floor(run.stdout.byteLength / 4));
  const rms = Math.sqrt(pcm.reduce((a, x) => a + x * x, 0) / Math.max(1, pcm.length));
  return { toneDb: toneOverNeighboursDb(pcm, 48_000, hz), rms, bytes: bytes.length };
}

/** Pids of processes whose parent is `pid` (from /proc; no name matching). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** The stack's egress jobs (`egress run-handler` children of the service, each leading its own process group). */
export function egressJobs(stackDir: string): number[] {
  const service = Number(readFileSync(path.join(stackDir, 'egress.pid'), 'utf8'));
  return childPids(service).filter((pid) => cmdline(pid).includes('run-handler'));
}
