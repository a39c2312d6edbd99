import 'server-only';
import { TrackType, type WebhookEvent } from 'livekit-server-sdk';
import { parseChannelRoom, participantKind, type ParticipantKind } from '@/types/room';

/** `name` may be empty: LiveKit leaves it out of some events (track_published). */
type Participant = { sid: string; identity: string; name: string; kind: ParticipantKind };

/** What one LiveKit webhook means for a channel's live state. */
export type LiveAction =
  | { type: 'ignore'; reason: string }
  | { type: 'room_reset'; channelId: string; at: Date }
  | { type: 'join'; channelId: string; at: Date; participant: Participant }
  | { type: 'leave'; channelId: string; at: Date; participant: Participant }
  | { type: 'on_air'; channelId: string; at: Date; participant: Participant; trackSid: string }
  | { type: 'off_air'; channelId: string; at: Date; trackSid: string };

/**
 * How far ahead of our clock an event may claim to be. Event times order the changes;
 * one dated in the future would win over every later event and the reconciler (which
 * leaves alone what looks newer than its snapshot), pinning a channel on air.
 */
export const MAX_EVENT_CLOCK_SKEW_MS = 5_000;

function eventTime(event: WebhookEvent, receivedAt: Date): Date {
  // createdAt is Unix seconds; fall back to arrival time if a sender leaves it out.
  const seconds = Number(event.createdAt ?? 0);
  if (!(seconds > 0)) return receivedAt;
  const at = new Date(seconds * 1000);
  return at.getTime() > receivedAt.getTime() + MAX_EVENT_CLOCK_SKEW_MS ? receivedAt : at;
}

/**
 * Pure mapping from a verified webhook, received at `receivedAt`, to the state change it asks for.
 * `held`: the server muted the track as it arrived (an OBS set in its green room).
 */
export function planLiveAction(event: WebhookEvent, receivedAt: Date = new Date(), held = false): LiveAction {
  const channelId = event.room?.name ? parseChannelRoom(event.room.name) : null;
  if (!channelId) return { type: 'ignore', reason: 'not a channel room' };
  const at = eventTime(event, receivedAt);
  const p = event.participant;
  const participant: Participant | null = p ? { sid: p.sid, identity: p.identity, name: p.name, kind: participantKind(p.identity) } : null;

  switch (event.event) {
    case 'room_started':
    case 'room_finished':
      return { type: 'room_reset', channelId, at };
    case 'participant_joined':
    case 'participant_left':
      if (!participant) return { type: 'ignore', reason: 'no participant' };
      return { type: event.event === 'participant_joined' ? 'join' : 'leave', channelId, at, participant };
    case 'track_published': {
      if (!participant || !event.track) return { type: 'ignore', reason: 'no track' };
      if (event.track.type !== TrackType.AUDIO) return { type: 'ignore', reason: 'not audio' };
      // Listeners cannot publish; anything else with audio (a DJ, later an ingress) is on air.
      if (participant.kind === 'listener') return { type: 'ignore', reason: 'listener track' };
      // AutoDJ's replay plays while nobody is on air and is never a DJ: no set, no egress, no analyser.
      if (participant.kind === 'replay') return { type: 'ignore', reason: 'replay track' };
      // A muted track is heard by nobody: on air once unmuted (src/server/schedule/enforce.ts).
      if (held || event.track.muted) return { type: 'ignore', reason: 'muted track' };
      return { type: 'on_air', channelId, at, participant, trackSid: event.track.sid };
    }
    case 'track_unpublished':
      if (!event.track) return { type: 'ignore', reason: 'no track' };
      return { type: 'off_air', channelId, at, trackSid: event.track.sid };
    default:
      return { type: 'ignore', reason: `unhandled event ${event.event}` };
  }
}
