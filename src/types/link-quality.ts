import { channelSlugSchema } from './channel';
import { z } from './zod';

/**
 * The DJ console's connection health while live: what it reads from the WebRTC stats of its
 * published audio track every few seconds and sends to the app (never as participant
 * attributes, which the DJ could write to anything), and what the server answers and shows admins.
 */

export const LINK_VERDICTS = ['good', 'unstable', 'poor'] as const;
export type LinkVerdict = (typeof LINK_VERDICTS)[number];

/** One report from the console: outgoing bitrate, loss over the last interval, round-trip time (null: not known yet). */
export type LinkReport = { bitrateKbps: number; lossPercent: number | null; rttMs: number | null };

/** A report as the server keeps it: with its verdict and when it arrived (ISO). */
export type LinkQuality = LinkReport & { verdict: LinkVerdict; at: string };

/** Ceilings far above any audio link, so a garbled figure is refused rather than shown. */
export const linkReportSchema: z.ZodType<LinkReport> = z.object({
  bitrateKbps: z.number().finite().min(0).max(100_000),
  lossPercent: z.number().finite().min(0).max(100).nullable(),
  rttMs: z.number().finite().min(0).max(60_000).nullable(),
});

export const linkQualitySchema: z.ZodType<LinkQuality> = z.object({
  bitrateKbps: z.number(),
  lossPercent: z.number().nullable(),
  rttMs: z.number().nullable(),
  verdict: z.enum(LINK_VERDICTS),
  at: z.string(),
});

/** The admin stream's link health per channel id; a garbled entry map reads as no data. */
export const linkQualitiesSchema: z.ZodType<Record<string, LinkQuality>> = z.record(z.string(), linkQualitySchema).catch({});

export const linkQualityParamsSchema = z.strictObject({ slug: channelSlugSchema });
