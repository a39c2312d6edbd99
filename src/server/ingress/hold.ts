import 'server-only';
import { type ParticipantInfo, TrackType } from 'livekit-server-sdk';
import { setInputAudible } from '../live-state';
import { getRoomService, setTracksMuted } from '../livekit';

/*
 * The OBS green room. An input is enabled from the green-room time, so OBS connects early and
 * its track is published muted: every ingress the app creates carries the participant metadata
 * PUBLISH_MUTED_METADATA (./options.ts), and our livekit-server build adds such a participant's
 * tracks muted (scripts/build/livekit-server-prep.sh), so LiveKit forwards nothing of it to
 * listeners or the egress from the first packet. An input allowed on air now is unmuted at once
 * (./guard.ts), a green-room one at the slot start by the enforcement loop: audio flows on the
 * same ingress session, no reconnect. Neither alternative keeps the session: revoking
 * `canPublish` unpublishes an ingress's track, and `updateIngress` restarts an active ingress.
 * Unmuting from the server needs `room.enable_remote_unmute: true` (deploy/livekit.yaml).
 * An ingress made before the marker (or a LiveKit without the patch) publishes unmuted: the
 * watches below and ./green-room.ts mute it the moment it appears, as before.
 */

/** How often a joined input is checked for its first track, and for how long. */
const WATCH_EVERY_MS = 20;
const WATCH_FOR_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const audioOf = (p: ParticipantInfo) => p.tracks.filter((t) => t.type === TrackType.AUDIO);

/**
 * Polls a joined input until its audio track is there. Ingress publishes ~100 ms after joining,
 * while LiveKit's track_published webhook can arrive a second late. Null once the participant is
 * gone or at `deadline`.
 */
async function whenAudioPublished(room: string, identity: string, deadline: number): Promise<ParticipantInfo | null> {
  while (Date.now() < deadline) {
    const p = await getRoomService()
      .getParticipant(room, identity)
      .catch(() => null);
    if (!p) return null;
    if (audioOf(p).length > 0) return p;
    await sleep(WATCH_EVERY_MS);
  }
  return null;
}

/**
 * Mutes a green-room input's audio if it was published audible (an ingress without the
 * publish-muted marker), the moment LiveKit has it. Ends once its audio is there, the
 * participant is gone, after WATCH_FOR_MS or at `until` (the slot start, from when the
 * enforcement loop unmutes it). The hold task (./green-room.ts) covers the rest of the green room.
 */
export async function holdWhenPublished(room: string, identity: string, until: Date): Promise<void> {
  const p = await whenAudioPublished(room, identity, Math.min(Date.now() + WATCH_FOR_MS, until.getTime()));
  const audible = p ? audioOf(p).filter((t) => !t.muted) : [];
  if (audible.length > 0)
    await setTracksMuted(
      room,
      identity,
      audible.map((t) => t.sid),
      true,
    );
}

/**
 * Puts an input allowed on air now on air the moment its (muted) audio is published.
 * `stillOnAir` is asked right before: the verdict was taken at the join.
 */
export async function airWhenPublished(
  channelId: string,
  room: string,
  identity: string,
  stillOnAir: () => Promise<boolean>,
): Promise<void> {
  const p = await whenAudioPublished(room, identity, Date.now() + WATCH_FOR_MS);
  const muted = p ? audioOf(p).filter((t) => t.muted) : [];
  if (p && muted.length > 0 && (await stillOnAir())) {
    await setInputAudible(
      channelId,
      room,
      p,
      muted.map((t) => t.sid),
      true,
    );
  }
}
