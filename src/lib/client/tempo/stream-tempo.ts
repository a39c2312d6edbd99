import type { LiveTempo } from '@/types/bpm';

/**
 * The tempo the channel's live stream carries (`extras.tempo`, relayed by the server from the
 * on-air publisher's attributes and parsed with the stream, src/types/live.ts), shifted by how far
 * this player is behind live: the beat anchor is the publisher's wall clock, and an HLS listener
 * hears that beat `delayMs` later. The BPM itself is not delayed (a tempo change shows a few
 * seconds before it is heard over HLS).
 */
export function streamTempo(tempo: LiveTempo | null, delayMs: number | null): LiveTempo | null {
  if (!tempo) return null;
  return { ...tempo, beatAt: tempo.beatAt === null ? null : tempo.beatAt + (delayMs ?? 0) };
}

/** Delays beyond this are not a live player's (a paused or broken clock): ignore them. */
const MAX_DELAY_MS = 60_000;

/**
 * Best-effort delay of an hls.js player behind live, in ms. `playingDate` (from the playlist's
 * EXT-X-PROGRAM-DATE-TIME, stamped by egress) against the wall clock counts the whole chain;
 * without it, hls.js's `latency` (seconds behind the playlist's live edge) misses the egress's
 * own delay of roughly a third of a second (measured, shared notes), which is added.
 */
export function hlsDelayMs(player: { playingDate: Date | null; latency: number }, now: number): number | null {
  const fromDate = player.playingDate ? now - player.playingDate.getTime() : null;
  if (fromDate !== null && fromDate > 0 && fromDate < MAX_DELAY_MS) return fromDate;
  const fromLatency = Number.isFinite(player.latency) && player.latency > 0 ? player.latency * 1000 + 350 : null;
  return fromLatency !== null && fromLatency < MAX_DELAY_MS ? fromLatency : null;
}
