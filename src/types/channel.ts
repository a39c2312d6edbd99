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
  live: ChannelLive;
};

export type ChannelListResponse = { channels: ChannelSummary[] };

export const channelSlugSchema = z
  .string()
  .trim()
  .min(2, 'Slug must be at least 2 characters')
  .max(48, 'Slug must be at most 48 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Slug may use lowercase letters, digits and single dashes');

const channelFields = {
  name: z.string().trim().min(1, 'Name is required').max(80, 'Name must be at most 80 characters'),
  slug: channelSlugSchema,
  description: z.string().trim().max(500, 'Description must be at most 500 characters'),
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

/** How often an HLS player reports in. */
export const HLS_HEARTBEAT_MS = 15_000;

/** Heartbeat of an HLS player (HLS listeners are not in the LiveKit room, so the app counts them). */
export const hlsHeartbeatSchema = z.strictObject({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'sessionId must be 16-64 URL-safe characters'),
  leaving: z.boolean().optional(),
});
export type HlsHeartbeat = z.infer<typeof hlsHeartbeatSchema>;
