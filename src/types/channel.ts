import { timeZoneSchema } from './schedule';
import { z } from './zod';

export type ChannelLive = {
  /**
   * False while the station cannot confirm live state with LiveKit (unreachable, or just
   * restarted and not yet checked again): then onAir is false and listeners 0, never a guess.
   */
  known: boolean;
  onAir: boolean;
  /** Display name of whoever is on air, null when off air. */
  djName: string | null;
  /** ISO time the current set started, null when off air. */
  since: string | null;
  /** Everyone listening: WebRTC listeners in the room plus HLS listeners. */
  listeners: number;
  /** The live HLS stream, null when off air or the station runs without HLS. */
  hls: ChannelHls | null;
  /** AutoDJ is replaying an archived set (nobody on air): its own state, never a DJ (docs/autodj.md). */
  replay?: ChannelReplay | null;
};

/** What AutoDJ plays: "Replay: <djName>, <date>". */
export type ChannelReplay = {
  /** The archived set's DJ(s), as its page names them. */
  djName: string;
  /** ISO start of the archived set. */
  date: string;
  /** Its public page, /c/<slug>/sets/<id>. */
  setId: string;
};

export type ChannelHls = {
  /** Public URL of the live (sliding window) playlist on the storage/CDN. */
  playlistUrl: string;
  /** Its first segments exist, so a player can start now. */
  ready: boolean;
  /** The room has reached the WebRTC listener threshold: new listeners should use HLS. */
  preferred: boolean;
};

export type ChannelSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** IANA zone the channel's schedule is kept in. */
  timeZone: string;
  live: ChannelLive;
};

/** What the admin console sees of a channel: the public summary plus its settings. */
export type AdminChannel = ChannelSummary & {
  hlsRetentionDays: number | null;
  archiveEnabled: boolean;
  autoDjEnabled: boolean;
  autoDjOrder: AutoDjOrder;
  autoDjSource: AutoDjSource;
};

/** The order AutoDJ plays its sets in: newest first or shuffled. */
export const AUTODJ_ORDERS = ['newest', 'shuffle'] as const;
export type AutoDjOrder = (typeof AUTODJ_ORDERS)[number];
export const autoDjOrderSchema = z.enum(AUTODJ_ORDERS, 'AutoDJ order must be "newest" or "shuffle"');

/** AutoDJ's sets: every public archived set of the channel, or only those an admin picked. */
export const AUTODJ_SOURCES = ['all', 'picked'] as const;
export type AutoDjSource = (typeof AUTODJ_SOURCES)[number];
export const autoDjSourceSchema = z.enum(AUTODJ_SOURCES, 'AutoDJ source must be "all" or "picked"');

/** Channels a list page shows at most (home and /dj); the rest are on further pages. */
export const CHANNEL_PAGE_SIZE = 24;

/** `?page=&q=` of the channel list (page and API): a 1-based page and a search in names and slugs. */
export const channelListQuerySchema = z.object({
  page: z.coerce.number('Page must be a number').int('Page must be a whole number').min(1, 'Page starts at 1').max(100_000).default(1),
  q: z.string().trim().max(80, 'Search must be at most 80 characters').default(''),
});
export type ChannelListQuery = z.infer<typeof channelListQuerySchema>;

/** One page of channels, on-air channels first. */
export type ChannelListResponse = {
  channels: ChannelSummary[];
  /** The page shown (a page past the end shows the last one). */
  page: number;
  pageCount: number;
  /** Channels matching the search, on every page. */
  total: number;
  /** Of those, how many are on air. */
  onAir: number;
  q: string;
};

export const channelSlugSchema = z
  .string()
  .trim()
  .min(2, 'Slug must be at least 2 characters')
  .max(48, 'Slug must be at most 48 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Slug may use lowercase letters, digits and single dashes');

/** Bounds of a channel's HLS retention (the station default, HLS_RETENTION_DAYS, has the same). */
export const HLS_RETENTION_DAYS_MIN = 1;
export const HLS_RETENTION_DAYS_MAX = 3650;
const retentionMessage = `HLS retention must be a whole number of days from ${HLS_RETENTION_DAYS_MIN} to ${HLS_RETENTION_DAYS_MAX}, or empty for the station default`;

/** Days the HLS of this channel's ended broadcasts is kept; null means the station default. */
export const hlsRetentionDaysSchema = z
  .number(retentionMessage)
  .int(retentionMessage)
  .min(HLS_RETENTION_DAYS_MIN, retentionMessage)
  .max(HLS_RETENTION_DAYS_MAX, retentionMessage)
  .nullable();

const channelFields = {
  name: z.string().trim().min(1, 'Name is required').max(80, 'Name must be at most 80 characters'),
  slug: channelSlugSchema,
  description: z.string().trim().max(500, 'Description must be at most 500 characters'),
  // No default: a partial update must not reset the zone (a new channel gets UTC from the database).
  timeZone: timeZoneSchema.optional(),
  // Optional without default, like timeZone: a new channel gets null (the default) from the database.
  hlsRetentionDays: hlsRetentionDaysSchema.optional(),
  // Finished sets become public recordings (docs/archive.md); a new channel gets true from the database.
  archiveEnabled: z.boolean().optional(),
  // Replays of archived sets while nobody is on air (docs/autodj.md); a new channel gets off / newest.
  autoDjEnabled: z.boolean('AutoDJ must be true or false').optional(),
  autoDjOrder: autoDjOrderSchema.optional(),
  autoDjSource: autoDjSourceSchema.optional(),
};

export const channelInputSchema = z.strictObject({ ...channelFields, description: channelFields.description.default('') });
export type ChannelInput = z.infer<typeof channelInputSchema>;

// Built from the fields without defaults: a default would survive .partial() and
// overwrite what the update does not name.
export const channelUpdateSchema = z
  .strictObject(channelFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to update');
export type ChannelUpdate = z.infer<typeof channelUpdateSchema>;
