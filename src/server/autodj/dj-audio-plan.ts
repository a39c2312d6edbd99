import { participantKind } from '@/types/room';

/** A participant as the replay sees it in the room: its identity and its audio tracks' muted state. */
export type SeenParticipant = { identity: string; audioMuted: boolean[] };

/**
 * Whether a DJ's audio is in the room: a browser DJ's or an OBS input's audio track, published and
 * not muted (an OBS input the server holds muted in its green room is not on air yet). Listeners,
 * the tempo analyser, egress and the replay itself never count.
 */
export function djAudible(participants: Iterable<SeenParticipant>): boolean {
  for (const p of participants) if (participantKind(p.identity) === 'dj' && p.audioMuted.some((muted) => !muted)) return true;
  return false;
}
