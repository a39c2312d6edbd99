// Public entry of the autodj area (no dead air): while a channel's AutoDJ is on and nobody is on
// air, a LiveKit URL-input ingress replays its archived sets into the room under its own identity
// (`replay-<channelId>`, never a DJ); a DJ going on air takes over. A loop task under the lease.
import 'server-only';
export { autoDjTask } from './task';
