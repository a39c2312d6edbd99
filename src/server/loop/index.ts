import 'server-only';
import { processSingleton } from '../singleton';
import { Supervisor } from './supervisor';

export type { LoopTask, TaskStatus } from './supervisor';

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
} as const;

/** One per process, also across Next's module reloads in development. */
export function getSupervisor(): Supervisor {
  return processSingleton('loop.supervisor', () => new Supervisor());
}

/** Ask a background task to run now (e.g. the schedule changed); a no-op before the loop starts. */
export function wake(task: (typeof TASKS)[keyof typeof TASKS]): void {
  getSupervisor().wake(task);
}
