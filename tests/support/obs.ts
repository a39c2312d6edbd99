import { type ChildProcess, spawn } from 'node:child_process';
import { type RoomServiceClient, TrackType } from 'livekit-server-sdk';
import type { IngressEndpoint } from '@/types/ingress';
import { recordStreamKey } from '../../scripts/stack/log-secrets';

/** An ffmpeg process pushing audio to an ingress as OBS would (FLV over RTMP, AAC stereo). */
export type Push = { child: ChildProcess; exited: Promise<number | null>; log: () => string; stop: () => Promise<void> };

export type PushOptions = {
  /** A 1 kHz sine by default; any lavfi audio source works (e.g. a click train). */
  lavfi?: string;
  /** Also send a small video stream, as OBS always does. */
  video?: boolean;
  /** Push this audio file instead of `lavfi`, looped (e.g. a drum loop of whole bars). */
  file?: string;
};

/** Starts pushing to `${serverUrl}/${streamKey}` in real time until stopped. */
export function pushRtmp(endpoint: Pick<IngressEndpoint, 'serverUrl' | 'streamKey'>, opts: PushOptions = {}): Push {
  // The end-of-run log scan (scripts/with-stack.ts) looks for every key pushed to.
  recordStreamKey(endpoint.streamKey);
  const lavfi = opts.lavfi ?? 'sine=frequency=1000:sample_rate=48000';
  const input = opts.file ? ['-stream_loop', '-1', '-re', '-i', opts.file] : ['-re', '-f', 'lavfi', '-i', lavfi];
  const args = ['-hide_banner', '-loglevel', 'warning', ...input];
  if (opts.video) args.push('-re', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=15');
  args.push('-ac', '2', '-c:a', 'aac', '-b:a', '160k');
  if (opts.video) args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '30', '-pix_fmt', 'yuv420p');
  args.push('-f', 'flv', `${endpoint.serverUrl}/${endpoint.streamKey}`);
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(127));
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { child, exited, log: () => stderr, stop };
}

/** True once the process has exited (a refused or ended push), without waiting. */
export const hasExited = (push: Push) => push.child.exitCode !== null || push.child.signalCode !== null;

/** One look at an input's audio track: when the request went out, and whether LiveKit had it muted. */
export type AudioSighting = { t: number; sid: string; muted: boolean };

/**
 * Polls a room's participants every `everyMs` (a sampler, not a wait) and records every sighting of
 * `identity`'s audio tracks, from before OBS connects: the first sighting of a track is its state
 * within a poll interval of being published.
 */
export function watchAudio(
  roomService: RoomServiceClient,
  room: string,
  identity: string,
  everyMs = 15,
): { seen: AudioSighting[]; stop: () => Promise<void> } {
  const seen: AudioSighting[] = [];
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const t = Date.now();
      const p = (await roomService.listParticipants(room).catch(() => [])).find((x) => x.identity === identity);
      for (const a of p?.tracks.filter((x) => x.type === TrackType.AUDIO) ?? []) seen.push({ t, sid: a.sid, muted: a.muted });
      await new Promise((r) => setTimeout(r, Math.max(0, t + everyMs - Date.now())));
    }
  })();
  return { seen, stop: () => ((stopped = true), done) };
}
