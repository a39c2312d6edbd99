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
  listeners: number;
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
