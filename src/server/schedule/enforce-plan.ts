import type { PublishRights } from './on-air';

/** A DJ participant as LiveKit reports it. */
export type RoomDj = { identity: string; userId: string; canPublish: boolean; publishing: boolean };
export type DjAccount = { admin: boolean; disabled: boolean };

export type OffAirReason = 'slot_ended' | 'kicked' | 'not_audio' | 'not_scheduled';

export type DjAction =
  | { type: 'grant'; identity: string; userId: string }
  | { type: 'revoke'; identity: string; userId: string; reason: OffAirReason; wasPublishing: boolean }
  | { type: 'remove'; identity: string; userId: string; wasPublishing: boolean };

/**
 * What LiveKit must change so that exactly the allowed DJs can publish. Admins are
 * never touched (their override is theirs to end); accounts that are gone or
 * disabled are removed from the room; everyone else gets or loses publish rights.
 */
export function planEnforcement(
  djs: RoomDj[],
  accounts: Map<string, DjAccount>,
  rights: PublishRights,
  blocked: Set<string>,
  /** Of the blocked, those blocked for a non-audio track rather than by an admin. */
  notAudio: Set<string> = new Set(),
): DjAction[] {
  const actions: DjAction[] = [];
  for (const dj of djs) {
    const account = accounts.get(dj.userId);
    if (account?.admin) continue;
    if (!account || account.disabled) {
      actions.push({ type: 'remove', identity: dj.identity, userId: dj.userId, wasPublishing: dj.publishing });
      continue;
    }
    const allowed = rights.publishers.has(dj.userId);
    if (allowed && !dj.canPublish) actions.push({ type: 'grant', identity: dj.identity, userId: dj.userId });
    if (!allowed && (dj.canPublish || dj.publishing)) {
      const blockedAs: OffAirReason = notAudio.has(dj.userId) ? 'not_audio' : 'kicked';
      const reason: OffAirReason = blocked.has(dj.userId) ? blockedAs : dj.canPublish ? 'slot_ended' : 'not_scheduled';
      actions.push({ type: 'revoke', identity: dj.identity, userId: dj.userId, reason, wasPublishing: dj.publishing });
    }
  }
  return actions;
}
