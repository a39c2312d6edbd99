// Public entry of the autodj area (no dead air): while a channel's AutoDJ is on and nobody is on
// air, the app replays its archived sets into the room under its own identity (`replay-<channelId>`,
// never a DJ) with the set's stored tempo; a DJ going on air takes over. Loop tasks under the lease.
import 'server-only';
export { autoDjTask, replayTempoTask } from './task';
