import 'server-only';
import { getIngressClient, getRoomService } from './clients';

/** True for LiveKit's answer about a room no live node hosts (psrpc "no response from servers"). */
export function isRoomNotHosted(err: unknown): boolean {
  const e = err as { status?: unknown; message?: unknown };
  return e.status === 503 && typeof e.message === 'string' && e.message.includes('no response from servers');
}

/**
 * Mutes or unmutes published tracks from the server. The OBS green room relies on it: LiveKit
 * forwards nothing of a muted track to listeners or the egress, and unmuting keeps the ingress
 * session (src/server/ingress/hold.ts). Unmuting needs `room.enable_remote_unmute: true`
 * (deploy/livekit.yaml).
 */
export async function setTracksMuted(room: string, identity: string, trackSids: readonly string[], muted: boolean): Promise<void> {
  await Promise.all(trackSids.map((sid) => getRoomService().mutePublishedTrack(room, identity, sid, muted)));
}

/** Any change to an active ingress restarts it in LiveKit, so this is only called on a real change. */
export async function setIngressEnabled(ingressId: string, enabled: boolean): Promise<void> {
  // `name` is required by the SDK's type; an empty one leaves it unchanged.
  await getIngressClient().updateIngress(ingressId, { name: '', enabled });
}
