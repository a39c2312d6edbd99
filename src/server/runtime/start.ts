import 'server-only';
import { actionsTask } from '../actions/task';
import { reconcileTask } from '../channels/reconciler';
import { obsTempoTask, tempoTask } from '../bpm';
import { egressTask } from '../egress';
import { obsHoldTask } from '../ingress/task';
import { streamsTask } from '../live/hub';
import { enforcementTask } from '../schedule/enforce';
import { getSupervisor } from './index';

let started = false;

/** Registers every background task on the one supervisor and starts it (once per process). */
export function startBackgroundLoop(): void {
  if (started) return;
  started = true;
  const supervisor = getSupervisor();
  supervisor.register(reconcileTask());
  supervisor.register(enforcementTask());
  supervisor.register(streamsTask());
  supervisor.register(egressTask());
  supervisor.register(tempoTask());
  supervisor.register(obsTempoTask());
  supervisor.register(actionsTask());
  supervisor.register(obsHoldTask());
  supervisor.start();
}
