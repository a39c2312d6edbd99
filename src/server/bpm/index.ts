// Public entry of server-side tempo: the relay (the on-air publisher's tempo attributes, browser
// console or OBS ingress, read from LiveKit by a loop task, put on every channel's live stream as
// `tempo` and stored as each broadcast's tempo curve) and the OBS analysers (obs-*) that write
// those attributes for sets without a browser console.
import 'server-only';
export { broadcastTempo, channelForSets, channelsWithSets, listBroadcasts } from './history';
export { currentTempo } from './relay';
export { obsTempoTask, tempoTask } from './task';
