import 'server-only';
import type { RemoteTrack } from '@livekit/rtc-node';

/** What a subscriber's receiver did to a remote audio track so far (WebRTC inbound-rtp counters). */
export type ReceiverAudioStats = {
  samplesReceived: number;
  concealedSamples: number;
  insertedForDeceleration: number;
  removedForAcceleration: number;
};

type FfiEvent = { message: { case?: string; value?: unknown } };
type FfiClientLike = {
  request: (req: unknown) => unknown;
  waitFor: <T>(predicate: (ev: FfiEvent) => boolean, options?: { signal?: AbortSignal }) => Promise<T>;
};
type StatsCallback = { error?: string; stats: { stats: { case?: string; value?: unknown } }[] };
type InboundCounters = {
  totalSamplesReceived?: bigint;
  concealedSamples?: bigint;
  insertedSamplesForDeceleration?: bigint;
  removedSamplesForAcceleration?: bigint;
};

// rtc-node 1.1.0 has no getStats on tracks, though its FFI answers GetStatsRequest: its client is
// a process singleton on globalThis (created with the first Room), and a track keeps its FFI handle.
function ffiClient(): FfiClientLike | null {
  const client = (globalThis as { _ffiClientInstance?: Partial<FfiClientLike> })._ffiClientInstance;
  return client?.request && client.waitFor ? (client as FfiClientLike) : null;
}

/** The track's inbound-rtp counters, or null when rtc-node cannot give them (within timeoutMs). */
export async function receiverAudioStats(track: RemoteTrack, timeoutMs = 2_000): Promise<ReceiverAudioStats | null> {
  const client = ffiClient();
  const handle = (track as unknown as { ffi_handle?: { handle?: bigint } }).ffi_handle?.handle;
  if (!client || handle === undefined) return null;
  try {
    const res = client.request({ message: { case: 'getStats', value: { trackHandle: handle } } }) as { asyncId?: bigint };
    const answer = await client.waitFor<StatsCallback>(
      (ev) => ev.message.case === 'getStats' && (ev.message.value as { asyncId?: bigint }).asyncId === res.asyncId,
      { signal: AbortSignal.timeout(timeoutMs) },
    );
    if (answer.error) return null;
    const inbound = answer.stats.map((s) => s.stats).find((s) => s.case === 'inboundRtp')?.value as
      { inbound?: InboundCounters } | undefined;
    const c = inbound?.inbound;
    if (!c) return null;
    return {
      samplesReceived: Number(c.totalSamplesReceived ?? 0),
      concealedSamples: Number(c.concealedSamples ?? 0),
      insertedForDeceleration: Number(c.insertedSamplesForDeceleration ?? 0),
      removedForAcceleration: Number(c.removedSamplesForAcceleration ?? 0),
    };
  } catch {
    return null;
  }
}
