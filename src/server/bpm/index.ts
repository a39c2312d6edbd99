// Public entry of the tempo relay: the on-air publisher's tempo attributes (browser console or
// OBS ingress) read from LiveKit by a loop task, put on every channel's live stream as `tempo`,
// and stored as each broadcast's tempo curve.
import 'server-only';
export { broadcastTempo, channelForSets, channelsWithSets, listBroadcasts } from './history';
export { currentTempo, tempoTask } from './task';
