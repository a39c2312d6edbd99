import 'server-only';
import { randomUUID } from 'node:crypto';
import { publish, redisLeaseStore, subscribe } from '../redis';
import { processSingleton } from '../singleton';
import { Lease } from './lease';
import { LEASE_TTL_MS } from './lease-plan';
import { LeaseLostError, Supervisor } from './supervisor';

export type { LoopTask, TaskStatus } from './supervisor';
export { LeaseLostError } from './supervisor';

/** Task names, so callers wake tasks without importing them (no import cycles). */
export const TASKS = {
  reconcile: 'reconcile-live-state',
  enforce: 'enforce-slots',
  streams: 'live-streams',
  egress: 'supervise-egress',
  tempo: 'relay-tempo',
  obsTempo: 'obs-tempo',
  actions: 'admin-actions',
  obsHold: 'obs-green-room-hold',
  ingress: 'supervise-ingress',
  peakListeners: 'set-peak-listeners',
  push: 'push-notifications',
  archive: 'archive-sets',
  autodj: 'autodj-replays',
  replayTempo: 'autodj-replay-tempo',
} as const;

/** One per process, also across Next's module reloads in development. */
export function getSupervisor(): Supervisor {
  return processSingleton('loop.supervisor', () => new Supervisor(undefined, undefined, () => getLease().held()));
}

/** The cluster's one background-task lease (always held without Redis: one app process). */
function getLease(): Lease {
  return processSingleton('loop.lease', () => new Lease(redisLeaseStore('background', LEASE_TTL_MS), () => getSupervisor().leaseChanged()));
}

/** Whether this replica may act for the cluster now; the once-per-cluster tasks call it before each LiveKit call. */
export function leaseHeld(): boolean {
  return getLease().held();
}

/** When this replica took the lease (epoch ms), null while another one holds it; its first use without Redis. */
export function leaseHeldSince(): number | null {
  return getLease().heldSince();
}

/** Throws LeaseLostError unless this replica holds the lease (a local check, no Redis round trip). */
export function assertLeaseHeld(): void {
  if (!getLease().held()) throw new LeaseLostError();
}

/** The pub/sub channel of wakes and one notice on it (tests/integration/replicas.test.ts publishes one as another replica). */
export const WAKE_CHANNEL = 'loop:wake';
export const wakeNotice = (from: string, task: string): string => `${from} ${task}`;
const replica = () => processSingleton('loop.replica', () => randomUUID());

/**
 * Ask a background task to run now (e.g. the schedule changed); a no-op before the loop starts.
 * Every replica's loop hears it through Redis pub/sub: the lease holder's enforcement runs when a
 * request on another replica changed the schedule, and every replica's streams refresh at once.
 */
export function wake(task: (typeof TASKS)[keyof typeof TASKS]): void {
  getSupervisor().wake(task);
  publish(WAKE_CHANNEL, wakeNotice(replica(), task));
}

/** Joins the cluster (no-op without Redis): takes part in the lease, hears other replicas' wakes. */
export function startCluster(): void {
  const self = replica();
  subscribe(WAKE_CHANNEL, (message) => {
    const [from, task] = message.split(' ');
    if (from !== self && task) getSupervisor().wake(task);
  });
  getLease().start();
}

/** Gives the lease back (a clean shutdown), so another replica takes over without waiting out the TTL. */
export function leaveCluster(): Promise<void> {
  return getLease().stop();
}
