// What the capacity bench puts on the stack: channels on air with a real publisher (with the
// app's HLS egress, or bare LiveKit rooms the app does not own, so no egress), and WebRTC
// listeners on one channel, all real @livekit/rtc-node participants in this process.
import type { Room } from '@livekit/rtc-node';
import type { TokenResponse } from '../../src/types/room';
import { joinRoom } from '../../tests/support/livekit-peer';
import { type Heard, type ToneListener, toneDj, toneListener } from '../../tests/support/tone';
import { apiCaller, createFixture, signIn, uniqueSuffix } from '../support/api';
import { requireEnv } from '../support/env';
import { firstPlayableSegment } from '../support/hls-figures';
import { publisherToken } from '../support/livekit-api';

export type Dropouts = { frames: number; silent: number; longestSilentMs: number; maxGapMs: number };

export type OnAir = { id: string; tone: number; stop: () => Promise<void> };

const toneOf = (i: number) => 500 + 100 * i;

/**
 * A bare LiveKit room (not one of the app's channels) with one publisher: LiveKit's cost of a
 * channel without HLS, since the app starts an egress for every channel of its own on air.
 */
export async function bareRoomOnAir(i: number): Promise<OnAir> {
  const room = `capacity-bare-${i}-${uniqueSuffix()}`;
  const dj = await toneDj(await publisherToken(room, `dj-${i}`), toneOf(i));
  await dj.publishNow();
  return { id: room, tone: toneOf(i), stop: dj.stop };
}

/**
 * One of the app's channels on air the way a DJ goes live (a slot, the DJ token route, publish
 * once granted), left on air until the app's egress has written the first playable segment.
 */
export async function appChannelOnAir(i: number): Promise<OnAir & { channelId: string; startToSegmentS: number; playlist: string }> {
  const fx = await createFixture(`capacity-${i}`);
  const cookie = await signIn(fx.appUrl, fx.dj);
  const token = await apiCaller(fx.appUrl)<TokenResponse>('POST', '/api/livekit/token', { channelId: fx.channel.id, role: 'dj' }, cookie);
  const dj = await toneDj(token, toneOf(i));
  const t0 = Date.now();
  await dj.publish();
  // Two minutes: on a loaded host the app's supervision may need a second egress attempt.
  const first = await firstPlayableSegment(fx.appUrl, fx.channel.slug, 120_000).catch(async (err: unknown) => {
    await dj.stop();
    throw err;
  });
  return {
    id: fx.channel.slug,
    channelId: fx.channel.id,
    tone: toneOf(i),
    stop: dj.stop,
    startToSegmentS: (first.at - t0) / 1000,
    playlist: first.playlist,
  };
}

/**
 * Of a probe's 10 ms frames since `since`: how many, how many without the tone, the longest run
 * without it (ms), and the longest wait between two frames (ms: a stall in delivery). With `until`,
 * the waits from `since` to the first frame and from the last one to `until` count too (a probe
 * that stopped receiving).
 */
export function dropoutsOf(heard: readonly Heard[], since: number, until?: number): Dropouts {
  const frames = heard.filter((h) => h.t >= since && (until === undefined || h.t <= until));
  let silent = 0;
  let run = 0;
  let longest = 0;
  let maxGapMs = 0;
  frames.forEach((f, i) => {
    run = f.tones.length ? 0 : run + 1;
    silent += f.tones.length ? 0 : 1;
    longest = Math.max(longest, run);
    if (i > 0) maxGapMs = Math.max(maxGapMs, f.t - (frames[i - 1]?.t ?? f.t));
  });
  if (until !== undefined) maxGapMs = Math.max(maxGapMs, (frames[0]?.t ?? until) - since, until - (frames.at(-1)?.t ?? since));
  return { frames: frames.length, silent, longestSilentMs: longest * 10, maxGapMs };
}

export const listenerToken = (channelId: string) =>
  apiCaller(requireEnv('APP_URL'))<TokenResponse>('POST', '/api/livekit/token', { channelId, role: 'listener' });

/** Listeners of one channel, added in steps; the first records every frame it hears (tone or not). */
export class Listeners {
  private rooms: Room[] = [];
  probe: ToneListener | undefined;

  constructor(
    private readonly channelId: string,
    private readonly tone: number,
  ) {}

  get count(): number {
    return this.rooms.length + (this.probe ? 1 : 0);
  }

  /** Joins listeners (tokens from the app's listener route) until there are `n`, five at a time. */
  async grow(n: number): Promise<void> {
    if (!this.probe && n > 0) this.probe = await toneListener(await listenerToken(this.channelId), [this.tone]);
    while (this.count < n) {
      const batch = Math.min(5, n - this.count);
      const joined = await Promise.all(Array.from({ length: batch }, async () => joinRoom(await listenerToken(this.channelId))));
      this.rooms.push(...joined);
    }
  }

  /** The probe's frames since `since` (dropoutsOf). */
  dropouts(since: number): Dropouts {
    return dropoutsOf(this.probe?.heard ?? [], since);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.rooms.map((r) => r.disconnect()), this.probe?.stop()]);
    this.rooms = [];
    this.probe = undefined;
  }
}
