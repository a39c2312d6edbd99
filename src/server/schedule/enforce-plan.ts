import type { PublishRights } from './on-air';

/** A DJ participant as LiveKit reports it; `obs` for an OBS input, with its audio tracks by mute state. */
export type RoomDj = {
  identity: string;
  userId: string;
  canPublish: boolean;
  publishing: boolean;
  obs?: { muted: string[]; audible: string[] };
};
export type DjAccount = { admin: boolean; disabled: boolean };

export type OffAirReason = 'slot_ended' | 'kicked' | 'not_audio' | 'not_scheduled';

export type DjAction =
  // `override`: an admin's browser, on air whatever the schedule says (its token carries no rights either).
  | { type: 'grant'; identity: string; userId: string; override?: true }
  | { type: 'revoke'; identity: string; userId: string; reason: OffAirReason; wasPublishing: boolean }
  | { type: 'remove'; identity: string; userId: string; wasPublishing: boolean }
  // An OBS input's tracks: held silent in the green room, heard from the slot start (src/server/ingress/hold.ts).
  | { type: 'mute'; identity: string; userId: string; trackSids: string[] }
  | { type: 'unmute'; identity: string; userId: string; trackSids: string[] };

/**
 * What LiveKit must change so that exactly the allowed DJs can publish. Browser tokens carry no
 * publish rights (a disabled DJ's old token can never send audio): every grant is made here, after
 * the account was checked. Accounts that are gone or disabled (admins too) are removed from the room;
 * enabled admins are never cut (their override is theirs to end) and are granted unless blocked;
 * everyone else gets or loses publish rights. An OBS input in its DJ's green room keeps them,
 * muted, and is unmuted at the slot start.
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
    if (!account || account.disabled) {
      actions.push({ type: 'remove', identity: dj.identity, userId: dj.userId, wasPublishing: dj.publishing });
      continue;
    }
    if (account.admin) {
      // An admin's OBS input is always on air; its audio arrives muted (src/server/ingress/hold.ts).
      if (dj.obs && dj.obs.muted.length > 0)
        actions.push({ type: 'unmute', identity: dj.identity, userId: dj.userId, trackSids: dj.obs.muted });
      // Its browser joins without rights; a block (a non-audio track) is the only thing that holds it back.
      if (!dj.obs && !dj.canPublish && !blocked.has(dj.userId))
        actions.push({ type: 'grant', identity: dj.identity, userId: dj.userId, override: true });
      continue;
    }
    const allowed = rights.publishers.has(dj.userId);
    const { identity, userId, obs } = dj;
    if (obs && !allowed && dj.canPublish && rights.greenRoom.has(userId) && !blocked.has(userId)) {
      // Connected early: keep the session (revoking would unpublish it), keep it silent.
      if (obs.audible.length > 0) actions.push({ type: 'mute', identity, userId, trackSids: obs.audible });
      continue;
    }
    if (allowed && !dj.canPublish) actions.push({ type: 'grant', identity: dj.identity, userId: dj.userId });
    if (allowed && obs && obs.muted.length > 0) actions.push({ type: 'unmute', identity, userId, trackSids: obs.muted });
    if (!allowed && (dj.canPublish || dj.publishing)) {
      const blockedAs: OffAirReason = notAudio.has(dj.userId) ? 'not_audio' : 'kicked';
      const reason: OffAirReason = blocked.has(dj.userId) ? blockedAs : dj.canPublish ? 'slot_ended' : 'not_scheduled';
      actions.push({ type: 'revoke', identity: dj.identity, userId: dj.userId, reason, wasPublishing: dj.publishing });
    }
  }
  return actions;
}
