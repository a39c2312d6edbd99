import type { Occurrence } from './recurrence';

/** `reason` as stored with the block (a kick names its admin; see NOT_AUDIO_BLOCK_REASON). */
export type Block = { userId: string; until: Date; reason?: string };

/** The stored reason of a block the publishing rules set for a video track sent as the microphone. */
export const NOT_AUDIO_BLOCK_REASON = 'published a non-audio track';

/** Why a DJ is blocked, in the terms shown to them: an admin's kick or the audio-only rule. */
export type BlockCause = 'kicked' | 'not_audio';
export const blockCause = (block: Pick<Block, 'reason'>): BlockCause => (block.reason === NOT_AUDIO_BLOCK_REASON ? 'not_audio' : 'kicked');

export type PublishRights = {
  /** The occurrence running now (start <= now < end), if any. */
  current: Occurrence | null;
  /** The next occurrence to start after now. */
  next: Occurrence | null;
  /** Users who may publish now: hosts of the current occurrence who are eligible and not blocked. */
  publishers: Set<string>;
  /** Users who may connect without publishing: hosts of an occurrence starting within the grace period. */
  greenRoom: Set<string>;
  /** The next instant at which the answer can change (a start, an end, a block expiring), or null. */
  nextBoundary: Date | null;
};

export type RightsInput = {
  occurrences: Occurrence[];
  blocks: Block[];
  /** Users who may hold slots on the channel right now (listed on it, not disabled). */
  eligible: Set<string>;
  now: Date;
  graceMs: number;
};

const blockedAt = (blocks: Block[], userId: string, now: Date) => blocks.some((b) => b.userId === userId && b.until > now);

/**
 * Who may publish on a channel at `now` and when that can next change. Pure: the
 * enforcement loop and the token service both ask it, so they cannot disagree.
 */
export function publishRights({ occurrences, blocks, eligible, now, graceMs }: RightsInput): PublishRights {
  const t = now.getTime();
  const current = occurrences.find((o) => o.start.getTime() <= t && t < o.end.getTime()) ?? null;
  const next = occurrences.filter((o) => o.start.getTime() > t).sort((a, b) => a.start.getTime() - b.start.getTime())[0] ?? null;
  const allowed = (id: string) => eligible.has(id) && !blockedAt(blocks, id, now);

  const publishers = new Set(current ? current.hostIds.filter(allowed) : []);
  const greenRoom = new Set<string>();
  for (const o of occurrences) {
    if (o.start.getTime() > t && o.start.getTime() - graceMs <= t) for (const id of o.hostIds) if (allowed(id)) greenRoom.add(id);
  }

  let boundary = Infinity;
  for (const o of occurrences) {
    for (const edge of [o.start.getTime(), o.end.getTime()]) if (edge > t && edge < boundary) boundary = edge;
  }
  for (const b of blocks) if (b.until.getTime() > t && b.until.getTime() < boundary) boundary = b.until.getTime();
  return { current, next, publishers, greenRoom, nextBoundary: Number.isFinite(boundary) ? new Date(boundary) : null };
}

export type DjAccess =
  | { kind: 'publish'; occurrence: Occurrence }
  | { kind: 'green_room'; occurrence: Occurrence }
  | { kind: 'blocked'; until: Date; cause: BlockCause }
  | { kind: 'denied'; next: Occurrence | null };

/** What one DJ may do on a channel at `now`: publish, wait in the green room, or nothing (and their next slot). */
export function djAccess(userId: string, input: RightsInput): DjAccess {
  const { occurrences, blocks, eligible, now, graceMs } = input;
  const t = now.getTime();
  const block = blocks.find((b) => b.userId === userId && b.until > now);
  const mine = occurrences.filter((o) => o.hostIds.includes(userId) && o.end.getTime() > t);
  if (!eligible.has(userId)) return { kind: 'denied', next: null };
  const current = mine.find((o) => o.start.getTime() <= t);
  if (current && !block) return { kind: 'publish', occurrence: current };
  const upcoming = mine.filter((o) => o.start.getTime() > t && (!block || o.start >= block.until));
  const soon = upcoming.find((o) => o.start.getTime() - graceMs <= t);
  if (soon) return { kind: 'green_room', occurrence: soon };
  if (block && current) return { kind: 'blocked', until: block.until, cause: blockCause(block) };
  return { kind: 'denied', next: upcoming[0] ?? null };
}
