import 'server-only';
import type { ReceiverAudioStats } from '../livekit';

/**
 * One analysis window as the receiver delivered it. `pace`: seconds of audio rtc-node handed over
 * per wall-clock second (under 1 when the app was starved of CPU). `altered`: the share of the
 * window's samples the jitter buffer inserted or removed to stretch or squeeze the stream;
 * `concealed`: the share it made up for packets that came late or never. Both move the tempo read
 * from the window (null when rtc-node gave no stats).
 */
export type WindowNote = { pace: number; altered: number | null; concealed: number | null };
type Shares = { altered: number | null; concealed: number | null };

/**
 * Above this share of altered plus concealed samples a window is no evidence of the tempo. Measured
 * on stacks (2026-12-05, a 128 BPM push): windows that held 127.9 had 0-2.5% (5.2% once, a first
 * window, mostly start-up concealment); windows that held 104-120 or 136-139 BPM had 3.2-14% altered
 * or 13-34% concealed. A whole window dropped costs a few seconds to the lock; a wrong lock costs
 * listeners a wrong tempo.
 */
export const DISTORTED_SHARE = 0.03;

/** How far back "now" looks once locked: the analyser's own memory is a few seconds. */
const RECENT_MS = 3_000;
/** Readings kept: enough to look RECENT_MS back at one reading per SAMPLE_MS. */
export const SAMPLE_MS = 500;
const KEPT = Math.ceil(RECENT_MS / SAMPLE_MS) + 1;

/** The shares of samples altered and concealed between two readings of the counters (pure). */
export function receiverShares(before: ReceiverAudioStats | null, after: ReceiverAudioStats | null): Shares {
  const samples = before && after ? after.samplesReceived - before.samplesReceived : 0;
  if (!before || !after || samples <= 0) return { altered: null, concealed: null };
  const inserted = after.insertedForDeceleration - before.insertedForDeceleration;
  const removed = after.removedForAcceleration - before.removedForAcceleration;
  return { altered: (inserted + removed) / samples, concealed: (after.concealedSamples - before.concealedSamples) / samples };
}

/** Whether shares say the receiver reshaped the audio (unknown shares do not). */
export const isDistorted = ({ altered, concealed }: Shares): boolean => (altered ?? 0) + (concealed ?? 0) > DISTORTED_SHARE;

/**
 * Watches what the receiver does to an OBS analyser's audio, from WebRTC's inbound counters read
 * every SAMPLE_MS (`sample`), so the lock can ask synchronously whether the current window, or the
 * last few seconds, were stretched, squeezed or filled in; and notes each window for the lock log.
 * `now` is performance.now() in ms.
 */
export class ReceiverWatch {
  private began: number | null = null;
  private start: ReceiverAudioStats | null = null;
  private readings: ReceiverAudioStats[] = [];
  private readonly notes: WindowNote[] = [];
  private reading = false;

  constructor(private readonly read: () => Promise<ReceiverAudioStats | null>) {}

  /** Takes one reading of the counters; none while the last is still out, so readings stay in order. */
  async sample(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      const s = await this.read();
      if (!s) return;
      this.readings = [...this.readings.slice(1 - KEPT), s];
      this.start ??= this.began === null ? null : s;
    } finally {
      this.reading = false;
    }
  }

  /** A frame of the current window arrived; the first one starts the window. */
  frame(now: number): void {
    if (this.began !== null) return;
    this.began = now;
    this.start = this.readings.at(-1) ?? null;
  }

  /** Whether the current window's audio so far was reshaped. */
  windowDistorted(): boolean {
    return isDistorted(receiverShares(this.start, this.readings.at(-1) ?? null));
  }

  /** Whether the last few seconds' audio was reshaped (for a locked analyser, whose window is long). */
  recentlyDistorted(): boolean {
    return isDistorted(receiverShares(this.readings[0] ?? null, this.readings.at(-1) ?? null));
  }

  /** Ends the current window after `audioSeconds` of audio; returns every window's note so far. */
  close(audioSeconds: number, now: number): WindowNote[] {
    const wall = (now - (this.began ?? now)) / 1000;
    this.notes.push({ pace: wall > 0 ? audioSeconds / wall : 1, ...receiverShares(this.start, this.readings.at(-1) ?? null) });
    this.began = null;
    this.start = null;
    return [...this.notes];
  }
}
