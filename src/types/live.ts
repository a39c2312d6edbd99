import type { LiveTempo } from './bpm';
import { nowPlayingSchema, type NowPlaying } from './now-playing';
import { type LinkQuality, linkQualitiesSchema } from './link-quality';
import type { ChannelHls, ChannelLive, ChannelSummary } from './channel';
import { z } from './zod';

/**
 * The live update streams' contract (server-sent `event: state`, and the polled snapshots that
 * stand in for them): one schema, written by src/server/live and parsed once by the client
 * (useEventStream). A field the server adds goes here first, typed.
 */

/** A slot occurrence as channel pages show it (now / next). */
export type ChannelSlotInfo = { title: string; start: string; end: string; hosts: string[] };

/**
 * Live values beside the channel's state: the on-air tempo (null off air or without a beat
 * source) and what is playing (null off air).
 */
export type LiveExtras = { tempo: LiveTempo | null; nowPlaying: NowPlaying | null };

/** What a channel's live stream carries. */
export type ChannelState = {
  channel: ChannelSummary;
  now: ChannelSlotInfo | null;
  next: ChannelSlotInfo | null;
  extras: LiveExtras;
};

/**
 * The admin console's stream: every channel, and the on-air DJ's connection health by channel id
 * (admins only: channel streams are public).
 */
export type StationState = { channels: ChannelState[]; links: Record<string, LinkQuality> };

/** A tempo figure the stream garbles or leaves out reads as unknown (null), never as an error. */
const tempoFigure = z.number().finite().nullable().catch(null);

export const liveTempoSchema: z.ZodType<LiveTempo> = z.object({ bpm: tempoFigure, beatAt: tempoFigure, confidence: tempoFigure });

/** Anything but a tempo object (or none at all) is no tempo: the rest of the state still counts. */
export const liveExtrasSchema: z.ZodType<LiveExtras> = z.object({
  tempo: liveTempoSchema.nullable().catch(null),
  nowPlaying: nowPlayingSchema.nullable().catch(null),
});

const channelHlsSchema: z.ZodType<ChannelHls> = z.object({ playlistUrl: z.string(), ready: z.boolean(), preferred: z.boolean() });

const channelLiveSchema: z.ZodType<ChannelLive> = z.object({
  known: z.boolean(),
  onAir: z.boolean(),
  djName: z.string().nullable(),
  since: z.string().nullable(),
  listeners: z.number(),
  hls: channelHlsSchema.nullable(),
  replay: z.object({ djName: z.string(), date: z.string(), setId: z.string() }).nullable().optional(),
});

const channelSummarySchema: z.ZodType<ChannelSummary> = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  timeZone: z.string(),
  live: channelLiveSchema,
});

const slotInfoSchema: z.ZodType<ChannelSlotInfo> = z.object({
  title: z.string(),
  start: z.string(),
  end: z.string(),
  hosts: z.array(z.string()),
});

export const channelStateSchema: z.ZodType<ChannelState> = z.object({
  channel: channelSummarySchema,
  now: slotInfoSchema.nullable(),
  next: slotInfoSchema.nullable(),
  extras: liveExtrasSchema,
});

export const stationStateSchema: z.ZodType<StationState> = z.object({ channels: z.array(channelStateSchema), links: linkQualitiesSchema });
