import 'server-only';
// Admin actions that touch LiveKit: recorded first, finished by the background loop (task.ts).
export { getAction, recordAction, requeue, retryAction, settle, toActionView, unfinishedActions, type ActionRow } from './store';
export { actionsTask, type ActionHandlers } from './task';
