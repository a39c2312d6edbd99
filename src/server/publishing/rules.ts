import 'server-only';
import { TrackType, type WebhookEvent } from 'livekit-server-sdk';
import { djUserId, parseChannelRoom, parseIngressIdentity, participantKind } from '@/types/room';
import { CLEARED_TEMPO_ATTRIBUTES } from '@/types/bpm';
import { ACCESS_ATTRIBUTE } from '@/types/schedule';
import { blockPublisher, NOT_AUDIO_BLOCK_REASON } from '../schedule';
import { getRoomService } from '../livekit';

/** Everything off: LiveKit removes a participant's published tracks when it loses the right to publish them. */
const NO_PUBLISHING = {
  canPublish: false,
  canPublishSources: [],
  canPublishData: false,
  canSubscribe: false,
  canUpdateMetadata: false,
  hidden: false,
};

export type Violation = 'not-audio';

/**
 * What a verified track_published event breaks, if anything: a channel carries audio only
 * (LiveKit checks only the declared source, so a video track can claim to be a microphone).
 * Who may publish at all is the schedule's business (src/server/schedule: slots, green room,
 * handover), enforced by the background loop.
 */
export async function publishViolation(event: WebhookEvent): Promise<Violation | null> {
  const channelId = event.room?.name ? parseChannelRoom(event.room.name) : null;
  const { participant, track } = event;
  if (event.event !== 'track_published' || !channelId || !participant || !track) return null;
  // OBS sends video unless told not to: the ingress guard (src/server/ingress) keeps it published
  // as the camera but muted, which keeps the set on air; everyone else loses publishing.
  if (track.type !== TrackType.AUDIO) return parseIngressIdentity(participant.identity) ? null : 'not-audio';
  return null;
}

const ignoreGone = (err: unknown) => {
  if ((err as { status?: unknown }).status !== 404) throw err;
};

/**
 * Mutes the offending track and takes away the publisher's publish rights, which makes
 * LiveKit drop its tracks (there is no server call that unpublishes one track). Safe to
 * repeat: a webhook may arrive twice, the participant may be gone.
 */
export async function enforcePublishRules(event: WebhookEvent): Promise<Violation | null> {
  const violation = await publishViolation(event);
  if (!violation || !event.room || !event.participant || !event.track) return violation;
  const { room, participant, track } = event;
  console.warn(`[publish-rules] ${violation}: revoking publishing of ${participant.identity} in ${room.name}`);
  // The block goes first: it keeps publishing off for the rest of the slot (the schedule alone
  // would hand it back), and a DJ who sees the revocation and asks again must already meet it.
  // The rights go even if it cannot be written.
  const channelId = parseChannelRoom(room.name);
  // Keyed to the account, whichever of its publishers (browser, RTMP, WHIP) did it.
  const userId = participantKind(participant.identity) === 'dj' ? djUserId(participant.identity) : null;
  try {
    if (channelId && userId) await blockPublisher(channelId, userId, NOT_AUDIO_BLOCK_REASON);
  } finally {
    await getRoomService().mutePublishedTrack(room.name, participant.identity, track.sid, true).catch(ignoreGone);
    // The access attribute tells the DJ's console why (the same attribute the schedule sets).
    await getRoomService()
      .updateParticipant(room.name, participant.identity, {
        permission: NO_PUBLISHING,
        attributes: { [ACCESS_ATTRIBUTE]: 'not_audio', ...CLEARED_TEMPO_ATTRIBUTES },
      })
      .catch(ignoreGone);
  }
  return violation;
}
