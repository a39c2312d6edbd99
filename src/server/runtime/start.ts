import 'server-only';
import { onBeforeExit } from '@/lib/before-exit';
import { finishDisable } from '../accounts';
import { actionsTask } from '../actions';
import { archiveTask } from '../archive';
import { autoDjTask, replayTempoTask } from '../autodj';
import { obsTempoTask, tempoTask } from '../bpm';
import { egressTask } from '../egress';
import { finishRemove, finishRotate, ingressTask, obsHoldTask } from '../ingress';
import { streamsTask } from '../live';
import { reconcileTask } from '../live-state';
import { peakListenersTask } from '../now-playing';
import { getSupervisor, leaveCluster, type LoopTask, startCluster } from '../loop';
import { pushTask } from '../push';
import { enforcementTask, finishKick } from '../schedule';

let started = false;

/** Runs once per cluster, on the replica holding the lease: LiveKit, storage and push side effects. */
const once = (task: LoopTask): LoopTask => ({ ...task, once: true });

/**
 * The composition root: registers every area's background tasks (each exported from its
 * `<area>/task.ts`) on the one supervisor and starts it, once per process. Reconcile (it writes what
 * LiveKit reports, the same from any replica), the live streams and the tempo relay run on every replica; the rest
 * run under the cluster lease (docs/scale-out.md).
 */
export function startBackgroundLoop(): void {
  if (started) return;
  started = true;
  const supervisor = getSupervisor();
  supervisor.register(reconcileTask());
  supervisor.register(streamsTask());
  // Reads tempos for this replica's streams everywhere; writes the tempo curve only under the lease.
  supervisor.register(tempoTask());
  supervisor.register(once(ingressTask()));
  supervisor.register(once(enforcementTask()));
  supervisor.register(once(egressTask()));
  supervisor.register(once(obsTempoTask()));
  supervisor.register(once(actionsTask({ kick: finishKick, disable: finishDisable, rotate: finishRotate, remove: finishRemove })));
  supervisor.register(once(obsHoldTask()));
  supervisor.register(once(peakListenersTask()));
  supervisor.register(once(pushTask()));
  supervisor.register(once(archiveTask()));
  supervisor.register(once(autoDjTask()));
  supervisor.register(once(replayTempoTask()));
  startCluster();
  supervisor.start();
  // A clean stop (server.ts waits for this) hands the lease on at once instead of after its TTL.
  onBeforeExit(leaveCluster);
}
