import 'server-only';
import { finishDisable } from '../accounts';
import { actionsTask } from '../actions';
import { archiveTask } from '../archive';
import { obsTempoTask, tempoTask } from '../bpm';
import { egressTask } from '../egress';
import { finishRemove, finishRotate, ingressTask, obsHoldTask } from '../ingress';
import { streamsTask } from '../live';
import { reconcileTask } from '../live-state';
import { peakListenersTask } from '../now-playing';
import { getSupervisor } from '../loop';
import { pushTask } from '../push';
import { enforcementTask, finishKick } from '../schedule';

let started = false;

/**
 * The composition root: registers every area's background tasks (each exported from its
 * `<area>/task.ts`) on the one supervisor and starts it, once per process.
 */
export function startBackgroundLoop(): void {
  if (started) return;
  started = true;
  const supervisor = getSupervisor();
  supervisor.register(reconcileTask());
  supervisor.register(ingressTask());
  supervisor.register(enforcementTask());
  supervisor.register(streamsTask());
  supervisor.register(egressTask());
  supervisor.register(tempoTask());
  supervisor.register(obsTempoTask());
  supervisor.register(actionsTask({ kick: finishKick, disable: finishDisable, rotate: finishRotate, remove: finishRemove }));
  supervisor.register(obsHoldTask());
  supervisor.register(peakListenersTask());
  supervisor.register(pushTask());
  supervisor.register(archiveTask());
  supervisor.start();
}
