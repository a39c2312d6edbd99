import 'server-only';
// The schedule area's one public entry: rules, occurrences, publish rights and their enforcement.
export { admitDj } from './admit';
export { decideDjAccess, djAccessNow, mayPublishNow } from './access';
export { toIcs } from './ics';
export { blockPublisher, finishKick, kickPublishers } from './kick';
export { NOT_AUDIO_BLOCK_REASON } from './on-air';
export { hostsChanged, scheduleNowNext, type NowNextDto } from './now-next';
export { comingWeek, consoleSchedule, publicSchedule, scheduleFor, upcomingForDj } from './public';
export { listChannelDjs, setChannelDjs } from './roster';
export { changeOccurrence, createSlot, deleteSlot, listSlots, updateSlot } from './slots';
export { enforcementTask } from './task';
