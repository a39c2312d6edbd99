import 'server-only';
import { channelRoom } from '@/types/room';
import { getDb, type Broadcast } from '../db';
import { attemptKeys, objectModifiedAt, type StorageConfig, storageConfig } from '../storage';
import { processSingleton } from '../singleton';
import { findOpenBroadcast, openBroadcast, toOpenBroadcast, updateBroadcast } from './broadcasts';
import { startHlsEgress, stopHlsEgress } from './hls-egress';
import { type EgressStep, type Host, nextFailures, planEgress, retryDelayMs, STARTUP_GRACE_MS } from './plan';
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

async function startAttempt(row: Broadcast, attempt: number, now: Date): Promise<Broadcast> {
  assertLeaseHeld();
  try {
    const egressId = await startHlsEgress(channelRoom(row.channelId), row.storagePath, attempt);
    console.info(`[egress] started ${egressId} for broadcast ${row.id} (attempt ${attempt})`);
    metrics.egress(attempt > 1 ? 'restart' : 'start');
    // Stamped after the call returns: a supervisor list taken before this cannot know the egress.
    return updateBroadcast(row.id, { egressId, attempt, egressStartedAt: new Date(), nextAttemptAt: null });
  } catch (err) {
    const failures = row.failures + 1;
    console.warn(`[egress] could not start attempt ${attempt} for broadcast ${row.id}: ${errorText(err)}`);
    metrics.egress('failure');
    return updateBroadcast(row.id, {
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

async function execute(conf: StorageConfig, channelId: string, row: Broadcast | null, steps: EgressStep[], now: Date) {
  for (const step of steps) {
    switch (step.type) {
      case 'open_broadcast':
        row = await openBroadcast(conf, channelId, step.host, now);
        break;
      case 'add_host':
        if (row) row = await updateBroadcast(row.id, { hosts: JSON.stringify([...toOpenBroadcast(row).hosts, step.host]) });
        break;
      case 'start':
        if (row) row = await startAttempt(row, step.attempt, now);
        break;
      case 'fail':
        console.warn(`[egress] ${step.egressId} failed (${step.reason}); failure ${step.failures}, retry at ${step.retryAt.toISOString()}`);
        metrics.egress('failure');
        if (row)
          row = await updateBroadcast(row.id, {
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
        if (row) row = await updateBroadcast(row.id, { endedAt: now, egressId: null, nextAttemptAt: null });
        // The set is over: the archive task finalises it once egress has settled.
        wake(TASKS.archive);
        break;
    }
  }
}

async function onAirHost(channelId: string): Promise<Host | null | undefined> {
  const channel = await getDb().channel.findUnique({ where: { id: channelId }, select: { liveIdentity: true, liveName: true } });
  if (!channel) return undefined;
  return channel.liveIdentity ? { identity: channel.liveIdentity, name: channel.liveName ?? channel.liveIdentity } : null;
}

export type SyncCheck = { activeEgressIds: string[]; listedAt: Date } | null;

/**
 * Makes one channel's egress match its live state (idempotent). With `check`,
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
    const now = new Date();
    const onAir = await onAirHost(channelId);
    if (onAir === undefined) return;
    const row = await findOpenBroadcast(channelId);
    const open = row ? toOpenBroadcast(row) : null;
    let playlistModifiedAt: Date | null | undefined;
    if (check && row?.egressId && row.egressStartedAt && now.getTime() - row.egressStartedAt.getTime() >= STARTUP_GRACE_MS) {
      playlistModifiedAt = await objectModifiedAt(conf, attemptKeys(row.storagePath, row.attempt).livePlaylist);
    }
    const steps = planEgress({
      now,
      onAir,
      open,
      activeEgressIds: check?.activeEgressIds ?? null,
      activeSince: check?.listedAt,
      playlistModifiedAt,
    });
    await execute(conf, channelId, row, steps, now);
  });
}

/** An egress ended. If it was a live broadcast's current one, that is a failure: record it and restart. */
export async function egressEnded(egressId: string, error: string): Promise<void> {
  const row = await getDb().broadcast.findFirst({ where: { egressId, endedAt: null } });
  if (!row) return;
  await serialized(row.channelId, async () => {
    const fresh = await getDb().broadcast.findUnique({ where: { id: row.id } });
    if (!fresh || fresh.endedAt || fresh.egressId !== egressId) return;
    const now = new Date();
    const failures = nextFailures(toOpenBroadcast(fresh), now);
    const reason = error || 'egress ended while on air';
    console.warn(`[egress] ${egressId} ended while on air (${reason}); failure ${failures}`);
    metrics.egress('failure');
    await updateBroadcast(fresh.id, {
      egressId: null,
      failures,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(failures)),
      lastError: reason,
    });
  });
  await syncChannelEgress(row.channelId);
}
