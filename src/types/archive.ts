import { channelSlugSchema } from './channel';
import type { TrackDto } from './now-playing';
import { broadcastIdSchema, type TempoPointDto } from './tempo';
import { z } from './zod';

/** One egress attempt inside a recording: where it starts in the audio (s), on the clock (epoch ms, when known), how long. */
export type TimelinePart = { offset: number; at: number | null; seconds: number };

/** An archived set as the public archive shows it. Object URLs point at public storage (the CDN), never at the app. */
export type ArchivedSet = {
  id: string;
  startedAt: string;
  endedAt: string;
  hosts: string[];
  title: string | null;
  seconds: number;
  /** Median of the tempo curve; null when no beat was stored. */
  bpm: number | null;
  playlistUrl: string;
  downloadUrl: string;
  bytes: number;
};

export type ArchivedSetDetail = ArchivedSet & { timeline: TimelinePart[]; points: TempoPointDto[]; tracks: TrackDto[] };

const bpm = z.coerce.number().min(20).max(300);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

/** Filters of the public archive (query string of /c/<slug>/sets and its API). Empty strings count as absent. */
export const archiveQuerySchema = z.preprocess(
  (v) => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '')) : v),
  z.strictObject({
    dj: z.string().trim().min(1).max(100).optional(),
    from: day.optional(),
    to: day.optional(),
    minBpm: bpm.optional(),
    maxBpm: bpm.optional(),
    /** 1 is the newest sets; a page past the last shows the last. */
    page: z.coerce.number().int().min(1).max(100_000).optional(),
  }),
);
export type ArchiveQuery = z.infer<typeof archiveQuerySchema>;

export const archiveParamsSchema = z.strictObject({ slug: channelSlugSchema });
export const archivedSetParamsSchema = z.strictObject({ slug: channelSlugSchema, id: broadcastIdSchema });

/** One page of the archive, newest first: `total` sets match, in `pages` pages (at least 1). */
export type ArchiveListResponse = { sets: ArchivedSet[]; djs: string[]; page: number; pages: number; total: number };

/** Hiding a set (its DJs, admins) or showing it again; picking it for AutoDJ's list or not (admins). */
export const setChangeSchema = z
  .strictObject({
    hidden: z.boolean('hidden must be true or false').optional(),
    autoDj: z.boolean('autoDj must be true or false').optional(),
  })
  .refine((c) => c.hidden !== undefined || c.autoDj !== undefined, 'Say what to change: hidden, autoDj or both');
export type SetChange = z.infer<typeof setChangeSchema>;
/** A set's state after a change. */
export type SetState = { hidden: boolean; autoDj: boolean };
