// Who is on air and who listens, per channel: webhooks applied once (live-state.ts), repaired
// against LiveKit by the reconcile task, and whether that state can be trusted right now.
import 'server-only';
export { applyWebhookEvent, type ApplyResult, setTrackAudible } from './live-state';
export { setInputAudible } from './audible';
export { liveStateKnown } from './live-status';
export { reconcileTask } from './task';
export { probeLivekit } from './livekit-probe';
