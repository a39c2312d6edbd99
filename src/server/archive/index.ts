// Public entry of the archive area (listen again): ended sets finalised into a VOD playlist and an
// .m4a beside their HLS (a loop task), the public archive with its search and podcast feed, and
// hiding or deleting sets. Objects are served by storage (the CDN), never by the app.
import 'server-only';
export { changeSet, deleteSet } from './control';
export { channelPodcast } from './feed';
export {
  archiveChannel,
  archivedSet,
  listArchive,
  replayableSets,
  replayCurve,
  type ArchiveChannel,
  type ReplayableSet,
  type ReplayCurve,
} from './queries';
export { archiveTask } from './task';
