// Server-side tempo: the OBS analysers (obs-*) run as a task of the one background loop.
export { obsTempoTask, superviseObsTempo } from './obs-task';
