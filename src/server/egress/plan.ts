// Pure decisions of egress supervision: what one channel's HLS egress needs,
// given the channel's live state, its open broadcast and (when known) the
// egresses LiveKit reports active. Unit tested; egress/service.ts acts on them.

export type Host = { identity: string; name: string };

export type OpenBroadcast = {
  id: string;
  egressId: string | null;
  egressStartedAt: Date | null;
  attempt: number;
  failures: number;
  nextAttemptAt: Date | null;
  hosts: Host[];
};

export type PlanInput = {
  now: Date;
  /** Whoever is on air, null when the channel is off air. */
  onAir: Host | null;
  open: OpenBroadcast | null;
  /** Active egress ids of the channel's room per LiveKit; null when not asked (webhook path). */
  activeEgressIds: string[] | null;
  /** When that list was taken: an egress started later is not expected in it. */
  activeSince?: Date;
  /** When the current attempt's live playlist was last written; undefined when not checked. */
  playlistModifiedAt?: Date | null;
};

export type EgressStep =
  | { type: 'open_broadcast'; host: Host }
  | { type: 'add_host'; host: Host }
  | { type: 'start'; attempt: number }
  | { type: 'fail'; egressId: string; reason: string; failures: number; retryAt: Date }
  | { type: 'stop'; egressId: string }
  | { type: 'close_broadcast' };

/** Seconds to wait before restart number `failures` (1 = first failure: at once). */
const RETRY_DELAYS_S = [0, 5, 15, 30, 60];
/** An egress that ran this long before failing counts as healthy: the backoff starts over. */
export const HEALTHY_RUN_MS = 60_000;
/** After this long, an egress whose live playlist is missing or not rewritten is treated as failed. */
export const STARTUP_GRACE_MS = 30_000;
/** With 2 s segments the live playlist is rewritten every 2 s; this much silence means it is stuck. */
export const STALE_PLAYLIST_MS = 15_000;

export function retryDelayMs(failures: number): number {
  const i = Math.min(Math.max(failures, 1), RETRY_DELAYS_S.length) - 1;
  return (RETRY_DELAYS_S[i] ?? 60) * 1000;
}

/** Consecutive failures after the current egress failed at `now`. */
export function nextFailures(open: OpenBroadcast, now: Date): number {
  const ranFor = open.egressStartedAt ? now.getTime() - open.egressStartedAt.getTime() : 0;
  return ranFor >= HEALTHY_RUN_MS ? 1 : open.failures + 1;
}

function failure(open: OpenBroadcast, egressId: string, reason: string, now: Date): EgressStep {
  const failures = nextFailures(open, now);
  return { type: 'fail', egressId, reason, failures, retryAt: new Date(now.getTime() + retryDelayMs(failures)) };
}

/** Why the current egress should be given up on, or null while it looks healthy. */
function problem(input: PlanInput, open: OpenBroadcast & { egressId: string }): string | null {
  const startedAfterList = input.activeSince && open.egressStartedAt && open.egressStartedAt > input.activeSince;
  if (input.activeEgressIds && !startedAfterList && !input.activeEgressIds.includes(open.egressId)) {
    return 'egress is no longer active';
  }
  if (input.playlistModifiedAt === undefined || !open.egressStartedAt) return null;
  const age = input.now.getTime() - open.egressStartedAt.getTime();
  if (age < STARTUP_GRACE_MS) return null;
  if (input.playlistModifiedAt === null) return 'no live playlist after startup';
  if (input.now.getTime() - input.playlistModifiedAt.getTime() > STALE_PLAYLIST_MS) return 'live playlist is stale';
  return null;
}

export function planEgress(input: PlanInput): EgressStep[] {
  const { now, onAir, open } = input;
  const steps: EgressStep[] = [];
  const current = open?.egressId ?? null;

  // Anything LiveKit runs for this room that is not the open broadcast's egress is an orphan.
  const keep = onAir ? current : null;
  for (const id of input.activeEgressIds ?? []) if (id !== keep) steps.push({ type: 'stop', egressId: id });

  if (!onAir) {
    if (open) {
      if (current && !input.activeEgressIds) steps.push({ type: 'stop', egressId: current });
      steps.push({ type: 'close_broadcast' });
    }
    return steps;
  }

  if (!open) {
    steps.push({ type: 'open_broadcast', host: onAir }, { type: 'start', attempt: 1 });
    return steps;
  }
  if (!open.hosts.some((h) => h.identity === onAir.identity)) steps.push({ type: 'add_host', host: onAir });

  if (current) {
    const reason = problem(input, { ...open, egressId: current });
    if (!reason) return steps;
    const fail = failure(open, current, reason, now);
    steps.push(fail);
    if (input.activeEgressIds?.includes(current)) steps.push({ type: 'stop', egressId: current });
    if (fail.type === 'fail' && fail.retryAt <= now) steps.push({ type: 'start', attempt: open.attempt + 1 });
    return steps;
  }
  if (!open.nextAttemptAt || open.nextAttemptAt <= now) steps.push({ type: 'start', attempt: open.attempt + 1 });
  return steps;
}

/**
 * A channel has two egress owners (a DJ's broadcast, AutoDJ's replay HLS), each planned on its own:
 * LiveKit's list of the room's active egresses, less the one the other owner runs, so neither plan
 * stops the other's egress as an orphan.
 */
export function activeForOwner(active: string[] | null, otherEgressId: string | null): string[] | null {
  return active && otherEgressId ? active.filter((id) => id !== otherEgressId) : active;
}

/** When supervision should look again: the pending retry time, if any. */
export function nextWake(open: OpenBroadcast | null): Date | null {
  return open && !open.egressId && open.nextAttemptAt ? open.nextAttemptAt : null;
}

/** What a supervision pass knows of a channel before it looks closer. */
export type SupervisedChannel = { id: string; liveIdentity: string | null; replaySessionId: string | null };

/**
 * The channels a supervision pass has to sync: on air or replaying, with an open broadcast or
 * replay HLS (also of a channel deleted since), or with an egress LiveKit runs in their room. Any
 * other channel wants no egress, runs none and has no open row, so its plan is empty; skipping it
 * keeps a pass's queries in proportion to the channels that are live (2026-12-06: 150 idle channels at
 * the tests' 2 s interval cost a fifth of a core between this pass and the live-state reconcile).
 */
export function channelsToSync(
  channels: SupervisedChannel[],
  openRows: ReadonlySet<string>,
  activeIn: (channelId: string) => boolean,
): string[] {
  const due = new Set(openRows);
  for (const c of channels) if (c.liveIdentity || c.replaySessionId || activeIn(c.id)) due.add(c.id);
  return [...due];
}
