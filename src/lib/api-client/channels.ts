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

/** The on-air DJ (or an admin) sets the show title and/or starts a track. */
export const setNowPlaying = (slug: string, input: NowPlayingRequest) =>
  sendJson<NowPlayingWriteResponse>(apiPaths.nowPlaying(slug), 'POST', input);
