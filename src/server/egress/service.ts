import 'server-only';
import { channelPublisher, channelRoom } from '@/types/room';
import { getDb } from '../db';
import { attemptKeys, objectModifiedAt, type StorageConfig, storageConfig } from '../storage';
import { processSingleton } from '../singleton';
import { broadcastOwner, type EgressOwner, type EgressRow, replayOwner } from './owners';
import { startHlsEgress, stopHlsEgress } from './hls-egress';
import { activeForOwner, type EgressStep, type Host, nextFailures, planEgress, retryDelayMs, STARTUP_GRACE_MS } from './plan';
import { metrics } from '../metrics';
import { assertLeaseHeld, leaseHeld, TASKS, wake } from '../loop';

// A process singleton: webhooks (route handlers) and the supervisor (the loop) queue on the same lock.
const locks = processSingleton('egress.locks', () => new Map<string, Promise<unknown>>());

/** Runs work for one channel after any earlier work for it: webhooks and the supervisor never interleave. */
function serialized<T>(channelId: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(channelId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  locks.set(channelId, settled);
  void settled.then(() => {
    if (locks.get(channelId) === settled) locks.delete(channelId);
  });
  return next;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

async function startAttempt<R extends EgressRow>(owner: EgressOwner<R>, row: R, attempt: number, now: Date): Promise<R> {
  assertLeaseHeld();
  try {
    const egressId = await startHlsEgress(channelRoom(row.channelId), row.storagePath, attempt);
    console.info(`[egress] started ${egressId} for ${owner.kind} ${row.id} (attempt ${attempt})`);
    metrics.egress(attempt > 1 ? 'restart' : 'start');
    // Stamped after the call returns: a supervisor list taken before this cannot know the egress.
    return owner.update(row.id, { egressId, attempt, egressStartedAt: new Date(), nextAttemptAt: null });
  } catch (err) {
    const failures = row.failures + 1;
    console.warn(`[egress] could not start attempt ${attempt} for ${owner.kind} ${row.id}: ${errorText(err)}`);
    metrics.egress('failure');
    return owner.update(row.id, {
      attempt,
      egressId: null,
      failures,
      nextAttemptAt: new Date(now.getTime() + Math.max(retryDelayMs(failures), 5000)),
      lastError: errorText(err),
    });
  }
}

async function stopQuietly(egressId: string): Promise<void> {
  assertLeaseHeld();
  try {
    await stopHlsEgress(egressId);
    console.info(`[egress] stopped ${egressId}`);
  } catch (err) {
    // The supervisor finds it again among the room's active egresses and retries.
    console.warn(`[egress] could not stop ${egressId}: ${errorText(err)}`);
  }
}

async function execute<R extends EgressRow>(
  conf: StorageConfig,
  owner: EgressOwner<R>,
  channelId: string,
  row: R | null,
  steps: EgressStep[],
  now: Date,
) {
  for (const step of steps) {
    switch (step.type) {
      case 'open_broadcast':
        row = await owner.open(conf, channelId, step.host, now);
        break;
      case 'add_host':
        if (row) row = await owner.addHost(row, step.host);
        break;
      case 'start':
        if (row) row = await startAttempt(owner, row, step.attempt, now);
        break;
      case 'fail':
        console.warn(`[egress] ${step.egressId} failed (${step.reason}); failure ${step.failures}, retry at ${step.retryAt.toISOString()}`);
        metrics.egress('failure');
        if (row)
          row = await owner.update(row.id, {
            egressId: null,
            failures: step.failures,
            nextAttemptAt: step.retryAt,
            lastError: step.reason,
          });
        break;
      case 'stop':
        await stopQuietly(step.egressId);
        break;
      case 'close_broadcast':
        if (row) row = await owner.update(row.id, { endedAt: now, egressId: null, nextAttemptAt: null });
        owner.closed();
        break;
    }
  }
}

/** Who each of a channel's egress owners wants on its HLS now: a DJ on air, or the replay while nobody is. */
async function wantedHosts(channelId: string): Promise<{ broadcast: Host | null; replay: Host | null } | null> {
  const channel = await getDb().channel.findUnique({
    where: { id: channelId },
    select: { id: true, liveIdentity: true, liveName: true, replaySessionId: true },
  });
  if (!channel) return null;
  const publisher = channelPublisher(channel);
  if (publisher?.kind === 'dj')
    return { broadcast: { identity: publisher.identity, name: channel.liveName ?? publisher.identity }, replay: null };
  return { broadcast: null, replay: publisher && { identity: publisher.identity, name: 'Replay' } };
}

export type SyncCheck = { activeEgressIds: string[]; listedAt: Date } | null;

/** The check as one owner sees it: without the egress the channel's other owner runs. */
function checkFor(check: SyncCheck, other: EgressRow | null): SyncCheck {
  return check && { ...check, activeEgressIds: activeForOwner(check.activeEgressIds, other?.egressId ?? null) ?? [] };
}

async function syncOwner<R extends EgressRow>(
  conf: StorageConfig,
  owner: EgressOwner<R>,
  row: R | null,
  host: Host | null,
  check: SyncCheck,
  channelId: string,
) {
  const now = new Date();
  let playlistModifiedAt: Date | null | undefined;
  if (check && row?.egressId && row.egressStartedAt && now.getTime() - row.egressStartedAt.getTime() >= STARTUP_GRACE_MS) {
    playlistModifiedAt = await objectModifiedAt(conf, attemptKeys(row.storagePath, row.attempt).livePlaylist);
  }
  const steps = planEgress({
    now,
    onAir: host,
    open: row ? owner.toOpen(row, host) : null,
    activeEgressIds: check?.activeEgressIds ?? null,
    activeSince: check?.listedAt,
    playlistModifiedAt,
  });
  await execute(conf, owner, channelId, row, steps, now);
}

/**
 * Makes one channel's egress match its live state (idempotent): one for a DJ on air (its
 * broadcast), one for a replay while nobody is (its replay HLS), none otherwise. With `check`,
 * also compares against LiveKit's active egresses and the live playlist's age.
 */
export function syncChannelEgress(channelId: string, check: SyncCheck = null): Promise<void> {
  const conf = storageConfig();
  if (!conf) return Promise.resolve();
  // Once per cluster: a webhook that reached a replica without the lease hands the channel to the holder.
  if (!leaseHeld()) {
    wake(TASKS.egress);
    return Promise.resolve();
  }
  return serialized(channelId, async () => {
    // A deleted channel wants nothing: its replay HLS (no relation, so still there) is stopped and closed.
    const wanted = (await wantedHosts(channelId)) ?? { broadcast: null, replay: null };
    const [broadcast, replay] = await Promise.all([broadcastOwner.findOpen(channelId), replayOwner.findOpen(channelId)]);
    // The replay's first: a DJ taking over frees its egress before theirs starts.
    await syncOwner(conf, replayOwner, replay, wanted.replay, checkFor(check, broadcast), channelId);
    await syncOwner(conf, broadcastOwner, broadcast, wanted.broadcast, checkFor(check, replay), channelId);
  });
}

/** An egress ended. If it was an open broadcast's or replay HLS's current one, that is a failure: record it and restart. */
export async function egressEnded(egressId: string, error: string): Promise<void> {
  for (const owner of [broadcastOwner, replayOwner] as EgressOwner[]) {
    const row = await owner.findByEgress(egressId);
    if (!row) continue;
    await serialized(row.channelId, () => recordEnded(owner, row.id, egressId, error));
    await syncChannelEgress(row.channelId);
    return;
  }
}

async function recordEnded(owner: EgressOwner, rowId: string, egressId: string, error: string): Promise<void> {
  const fresh = await owner.findByEgress(egressId);
  if (!fresh || fresh.id !== rowId) return;
  const now = new Date();
  const failures = nextFailures(owner.toOpen(fresh, null), now);
  const reason = error || 'egress ended while on air';
  console.warn(`[egress] ${egressId} of ${owner.kind} ${rowId} ended on its own (${reason}); failure ${failures}`);
  metrics.egress('failure');
  await owner.update(fresh.id, {
    egressId: null,
    failures,
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(failures)),
    lastError: reason,
  });
}
