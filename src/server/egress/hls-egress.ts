import 'server-only';
import { AudioCodec, EgressStatus, EncodingOptions, SegmentedFileOutput, SegmentedFileProtocol } from 'livekit-server-sdk';
import { getEgressClient } from '../livekit';
import { attemptKeys } from '../storage';

/** 2 s segments: the live-edge player settings (docs/architecture.md, listener player) are tuned for them. */
export const SEGMENT_SECONDS = 2;
export const AUDIO_BITRATE_KBPS = 128;

/**
 * Starts an audio-only room composite egress writing HLS under `path`. It mixes
 * every audio track of the room, so it survives a switch between browser and OBS.
 * No storage in the request: egress uses its own config (deploy/egress.yaml),
 * so credentials never travel in an API call.
 */
export async function startHlsEgress(room: string, path: string, attempt: number): Promise<string> {
  const keys = attemptKeys(path, attempt);
  const output = new SegmentedFileOutput({
    protocol: SegmentedFileProtocol.HLS_PROTOCOL,
    filenamePrefix: keys.segmentPrefix,
    playlistName: keys.playlist,
    livePlaylistName: keys.livePlaylist,
    segmentDuration: SEGMENT_SECONDS,
  });
  const encodingOptions = new EncodingOptions({
    audioCodec: AudioCodec.AAC,
    audioBitrate: AUDIO_BITRATE_KBPS,
    audioFrequency: 48000,
  });
  const info = await getEgressClient().startRoomCompositeEgress(room, output, { audioOnly: true, encodingOptions });
  return info.egressId;
}

/** Stops an egress; one that already ended is fine (stopping is idempotent for us). */
export async function stopHlsEgress(egressId: string): Promise<void> {
  try {
    await getEgressClient().stopEgress(egressId);
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    // LiveKit answers 404 for unknown ids and 412 (failed precondition) for ended ones.
    if (status === 404 || status === 412) return;
    throw err;
  }
}

const RUNNING = new Set([EgressStatus.EGRESS_STARTING, EgressStatus.EGRESS_ACTIVE, EgressStatus.EGRESS_ENDING]);

/** Ids of the egresses LiveKit reports starting or active (not already ending), per room name. */
export async function activeEgressByRoom(): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const e of await getEgressClient().listEgress({ active: true })) {
    if (e.status !== EgressStatus.EGRESS_STARTING && e.status !== EgressStatus.EGRESS_ACTIVE) continue;
    out.set(e.roomName, [...(out.get(e.roomName) ?? []), e.egressId]);
  }
  return out;
}

/** True for statuses that mean the egress is over. */
export const hasEnded = (status: EgressStatus) => !RUNNING.has(status);
