// Now playing: the on-air DJ's show title and current track (set through the app API, carried on
// the channel's live stream), each set's track list, and its peak listener count (a loop task).
import 'server-only';
export { nowPlayingView, type OpenSet } from './now-playing-plan';
export { openSetNowPlaying, setNowPlaying, setTracks } from './service';
export { peakListenersTask } from './task';
