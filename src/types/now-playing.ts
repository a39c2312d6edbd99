import { channelSlugSchema } from './channel';
import { z } from './zod';

/**
 * Now playing: the show title and the current track the on-air DJ announces through the app API
 * (never participant attributes: those are the DJ's to write unchecked). The server fans it out
 * on the channel's live stream and keeps each set's track list.
 */

/** Longest show title or track title, in characters (after trimming). */
export const NOW_PLAYING_MAX_CHARS = 200;
/** Request body cap: two fields of 200 characters, JSON-escaped, with room to spare. */
export const NOW_PLAYING_MAX_BODY_BYTES = 2048;

const title = z
  .string()
  .trim()
  .max(NOW_PLAYING_MAX_CHARS, `At most ${NOW_PLAYING_MAX_CHARS} characters`)
  // Control characters (a pasted newline, escape codes) have no place on a lock screen.
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'No control characters');

/**
 * `show`: the set's show title ("" goes back to the slot's title); `track`: the track that starts
 * now (never empty). At least one of them.
 */
export const nowPlayingRequestSchema = z
  .strictObject({ show: title.optional(), track: title.min(1, 'Track title is empty').optional() })
  .refine((b) => b.show !== undefined || b.track !== undefined, 'Give a show title, a track or both');

export type NowPlayingRequest = z.infer<typeof nowPlayingRequestSchema>;

export const nowPlayingParamsSchema = z.strictObject({ slug: channelSlugSchema });

/** One announced track; `startedAt` is ISO 8601. */
export type TrackDto = { title: string; startedAt: string };

/** What a write stored: the DJ's show title (null: the slot's) and the track it started, if any. */
export type NowPlayingWriteResponse = { showTitle: string | null; track: TrackDto | null };

/** What listeners see: the show (the DJ's title, else the slot's; null if neither) and the current track. */
export type NowPlaying = { show: string | null; track: TrackDto | null };

const trackSchema: z.ZodType<TrackDto> = z.object({ title: z.string(), startedAt: z.string() });

/** A garbled field of the stream reads as absent, never as an error. */
export const nowPlayingSchema: z.ZodType<NowPlaying> = z.object({
  show: z.string().nullable().catch(null),
  track: trackSchema.nullable().catch(null),
});
