import type { SetState } from '@/types/archive';
import type { ChannelListResponse } from '@/types/channel';
import type { NowPlayingRequest, NowPlayingWriteResponse } from '@/types/now-playing';
import type { ScheduleResponse } from '@/types/schedule';
import type { BroadcastTempoResponse } from '@/types/tempo';
import { apiPaths } from './paths';
import { getJson, sendJson } from './request';

/** Public reads: a page of channels with their live state, a channel's schedule, a set's tempo curve. */
export const listChannels = (page: number, q: string, signal?: AbortSignal) =>
  getJson<ChannelListResponse>(apiPaths.channels(page, q), signal);

export const getSchedule = (slug: string, from: string, to: string, signal?: AbortSignal) =>
  getJson<ScheduleResponse>(apiPaths.schedule(slug, new URLSearchParams({ from, to })), signal);

/** The stored tempo curve of one set (an on-air period, "broadcast" on the server). */
export const getSetTempo = (slug: string, broadcastId: string, signal?: AbortSignal) =>
  getJson<BroadcastTempoResponse>(apiPaths.setTempo(slug, broadcastId), signal);

/** A set's DJ or an admin hides it from the public archive, or shows it again. */
export const setSetHidden = (slug: string, broadcastId: string, hidden: boolean) =>
  sendJson<SetState>(apiPaths.set(slug, broadcastId), 'PATCH', { hidden });

/** An admin puts an ended set on the channel's AutoDJ list, or takes it off. */
export const setSetPicked = (slug: string, broadcastId: string, autoDj: boolean) =>
  sendJson<SetState>(apiPaths.set(slug, broadcastId), 'PATCH', { autoDj });

/** An admin deletes an ended set and its recording. */
export const deleteSet = (slug: string, broadcastId: string) => sendJson<null>(apiPaths.set(slug, broadcastId), 'DELETE');

/** The on-air DJ (or an admin) sets the show title and/or starts a track. */
export const setNowPlaying = (slug: string, input: NowPlayingRequest) =>
  sendJson<NowPlayingWriteResponse>(apiPaths.nowPlaying(slug), 'POST', input);
