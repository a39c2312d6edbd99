/**
 * The browser's typed client for the app's routes: one function per route (request and
 * response types from src/types), the error every failure becomes, and one polling loop.
 */
export { ApiError, fetchJson } from './fetch-json';
export { apiPaths } from './paths';
export { startPolling, type PollOptions } from './poll';
export * from './actions';
export * from './admin';
export * from './channels';
export * from './livekit';
export * from './push';
