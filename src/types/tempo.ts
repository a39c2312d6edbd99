import { channelSlugSchema } from './channel';
import type { TrackDto } from './now-playing';
import { z } from './zod';

/** Broadcast ids are cuid()s or 32 hex characters (they name storage folders). */
export const broadcastIdSchema = z.string().regex(/^[a-z0-9]{8,64}$/i, 'Invalid broadcast id');

export const channelBroadcastsParamsSchema = z.strictObject({ slug: channelSlugSchema });
export const broadcastTempoParamsSchema = z.strictObject({ slug: channelSlugSchema, id: broadcastIdSchema });

/** One past or running set of a channel. */
export type BroadcastSummary = {
  id: string;
  startedAt: string;
  /** null while the set is still on air. */
  endedAt: string | null;
  /** Display names of everyone who was on air during it. */
  hosts: string[];
  /** Length so far (running) or in total (ended). */
  durationSeconds: number;
  /** Most listeners at once (WebRTC and HLS), sampled every few seconds. */
  peakListeners: number;
  /** Finished as a public recording (docs/archive.md). */
  archived: boolean;
  /** Hidden from the public archive by one of its DJs or an admin. */
  hidden: boolean;
  /** Picked by an admin for AutoDJ's list (docs/autodj.md). */
  autoDjPicked: boolean;
};

export type BroadcastListResponse = { broadcasts: BroadcastSummary[] };

/** One stored point of a set's tempo curve; bpm null = no beat. `at` is epoch ms. */
export type TempoPointDto = { at: number; bpm: number | null; confidence: number | null };

/** One set: its summary, tempo curve and announced tracks (oldest first). */
export type BroadcastTempoResponse = { broadcast: BroadcastSummary; points: TempoPointDto[]; tracks: TrackDto[] };
