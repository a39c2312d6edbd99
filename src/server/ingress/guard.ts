import 'server-only';
import { TrackType, type WebhookEvent } from 'livekit-server-sdk';
import { parseChannelRoom, parseIngressIdentity } from '@/types/room';
import { getDb } from '../db';
import { setInputAudible } from '../live-state';
import { getRoomService, obsInputPermission, setIngressEnabled, setTracksMuted } from '../livekit';
import { deleteAtLivekit } from './endpoints';
import { airWhenPublished, holdWhenPublished } from './hold';
import { type PublishVerdict, ingressMayPublish } from './policy';

/** The attribute ingress puts in its participant's token (protocol: livekit.AttrIngressID). */
const INGRESS_ID_ATTRIBUTE = 'ingress.ingressID';

/** What an allowed OBS publisher may do (its video is published, kept muted: see admit). */
const ALLOWED = obsInputPermission();
/** Revoked: LiveKit unpublishes its tracks at once (listeners stop hearing it), and it may do nothing else. */
const REVOKED = { canPublish: false, canPublishSources: [], canSubscribe: false, canPublishData: false, canUpdateOwnMetadata: false };

/** `held`: connected in the green room, its tracks muted until the slot start (not on air). */
export type GuardResult = 'allowed' | 'held' | 'revoked' | 'ignored';

type Publisher = { room: string; channelId: string; identity: string; ingressId: string | undefined };

/** Is this ingress one of ours, for this very channel, DJ and input, and may that DJ publish now? */
async function verdictFor(
  p: Publisher,
  input: string,
  userId: string,
): Promise<{ verdict: PublishVerdict; known: boolean; djName?: string }> {
  const row = p.ingressId
    ? await getDb().ingressEndpoint.findUnique({ where: { ingressId: p.ingressId }, include: { user: { select: { name: true } } } })
    : null;
  if (!row || row.channelId !== p.channelId || row.userId !== userId || row.inputType !== input) {
    return { verdict: { allowed: false, reason: 'not a current OBS input of this channel' }, known: false };
  }
  return { verdict: await ingressMayPublish(p.channelId, userId), known: true, djName: row.user.name };
}

/**
 * Takes a publisher's rights first (that is what stops audio reaching listeners),
 * then ends its stream: a known input is disabled (OBS's reconnects are refused
 * until the DJ may publish again), an unknown one is deleted.
 */
async function revoke(p: Publisher, known: boolean): Promise<void> {
  await getRoomService()
    .updateParticipant(p.room, p.identity, { permission: REVOKED })
    .catch((err: unknown) => console.warn('[ingress] could not revoke publisher:', err instanceof Error ? err.message : err));
  if (!p.ingressId) {
    await getRoomService()
      .removeParticipant(p.room, p.identity)
      .catch(() => undefined);
  } else if (known) {
    await setIngressEnabled(p.ingressId, false);
  } else {
    await deleteAtLivekit(p.ingressId);
  }
}

/**
 * An allowed input. Its tracks arrive muted (the publish-muted marker, ./hold.ts): on air now,
 * its audio is unmuted at once (from the join: the track_published webhook can come a second
 * late); in the green room it stays muted until the slot start. An input published audible (made
 * before the marker) is muted in the green room first, before anything else: every ms counts.
 */
async function admit(
  p: Publisher,
  event: WebhookEvent,
  userId: string,
  heldUntil: Date | undefined,
  djName: string | undefined,
): Promise<GuardResult> {
  const track = event.track;
  const audio = track?.type === TrackType.AUDIO ? track : null;
  // OBS's video: kept published (see ALLOWED), muted so that nobody receives it.
  const video = track?.type === TrackType.VIDEO && !track.muted ? track.sid : null;
  const held = heldUntil && audio && !audio.muted ? audio.sid : null;
  const mute = [held, video].filter((sid): sid is string => sid !== null);
  // The name listeners see is the account's as the admin set it, even if it changed since the key was made.
  const [info] = await Promise.all([
    getRoomService().updateParticipant(p.room, p.identity, { permission: ALLOWED, name: djName }),
    mute.length > 0 ? setTracksMuted(p.room, p.identity, mute, true) : undefined,
  ]);
  if (!heldUntil) {
    if (audio?.muted) await setInputAudible(p.channelId, p.room, info, [audio.sid], true);
    else if (event.event === 'participant_joined') {
      // Not awaited: the webhook answers now, the watch ends within ms of the track's arrival.
      const stillOnAir = async () => {
        const now = await ingressMayPublish(p.channelId, userId);
        return now.allowed && !now.heldUntil;
      };
      void airWhenPublished(p.channelId, p.room, p.identity, stillOnAir).catch((err: unknown) =>
        console.warn('[ingress] could not put an input on air:', err instanceof Error ? err.message : err),
      );
    }
    return 'allowed';
  }
  if (event.event === 'participant_joined') {
    void holdWhenPublished(p.room, p.identity, heldUntil).catch((err: unknown) =>
      console.warn('[ingress] could not hold a green-room input:', err instanceof Error ? err.message : err),
    );
  }
  // Any other audible audio track of this input is held too.
  const others = info.tracks.filter((t) => t.type === TrackType.AUDIO && t.sid !== held && !t.muted);
  await setTracksMuted(
    p.room,
    p.identity,
    others.map((t) => t.sid),
    true,
  );
  return 'held';
}

/**
 * Checks an ingress participant the moment LiveKit reports it (joined or track
 * published): ingress has no authorisation hook, so this is where a push outside
 * the DJ's rights is stopped. Safe to run twice for one event.
 */
export async function guardIngressWebhook(event: WebhookEvent): Promise<GuardResult> {
  if (event.event !== 'participant_joined' && event.event !== 'track_published') return 'ignored';
  const participant = event.participant;
  const room = event.room?.name ?? '';
  const channelId = parseChannelRoom(room);
  const parsed = participant ? parseIngressIdentity(participant.identity) : null;
  if (!participant || !parsed || !channelId) return 'ignored';

  try {
    // track_published carries a trimmed participant (no name, no attributes): ask LiveKit then.
    const ingressId =
      participant.attributes[INGRESS_ID_ATTRIBUTE] ??
      (
        await getRoomService()
          .getParticipant(room, participant.identity)
          .catch(() => null)
      )?.attributes[INGRESS_ID_ATTRIBUTE];
    const p: Publisher = { room, channelId, identity: participant.identity, ingressId };
    const { verdict, known, djName } = await verdictFor(p, parsed.input, parsed.userId);
    if (verdict.allowed) return await admit(p, event, parsed.userId, verdict.heldUntil, djName);
    console.warn(`[ingress] revoking OBS publisher ${p.identity} in ${room}: ${verdict.reason}`);
    await revoke(p, known);
    return 'revoked';
  } catch (err) {
    // The supervision loop catches what this missed.
    console.warn('[ingress] guard failed:', err instanceof Error ? err.message : err);
    return 'ignored';
  }
}
