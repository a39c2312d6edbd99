import { z } from './zod';

/**
 * The tempo a DJ publishes as LiveKit participant attributes (strings by LiveKit's rules).
 * `bpm` is "none" when there is no beat (LiveKit deletes an attribute set to "", which would read
 * as "publishes no tempo"; "" is still accepted from older publishers); `bpm_beat_at` is the
 * wall-clock time (epoch ms) of a beat, the phase anchor listeners pulse from.
 */
export const BPM_ATTRIBUTE = 'bpm';
export const BPM_BEAT_AT_ATTRIBUTE = 'bpm_beat_at';
export const BPM_CONFIDENCE_ATTRIBUTE = 'bpm_confidence';
export const BPM_NO_BEAT = 'none';

export const bpmAttributesSchema = z.object({
  [BPM_ATTRIBUTE]: z.union([z.literal(''), z.literal(BPM_NO_BEAT), z.string().regex(/^\d{2,3}\.\d$/)]),
  [BPM_BEAT_AT_ATTRIBUTE]: z.union([z.literal(''), z.string().regex(/^\d{1,15}$/)]).optional(),
  [BPM_CONFIDENCE_ATTRIBUTE]: z.union([z.literal(''), z.string().regex(/^[01]\.\d{2}$/)]).optional(),
});

/** What a listener shows: null bpm = no beat. */
export type LiveTempo = { bpm: number | null; beatAt: number | null; confidence: number | null };

/** Parse a participant's attributes; null when it publishes no tempo (or garbage). */
export function parseTempoAttributes(attributes: Readonly<Record<string, string>>): LiveTempo | null {
  if (!(BPM_ATTRIBUTE in attributes)) return null;
  const parsed = bpmAttributesSchema.safeParse(attributes);
  if (!parsed.success) return null;
  const a = parsed.data;
  const bpm = a[BPM_ATTRIBUTE] === '' || a[BPM_ATTRIBUTE] === BPM_NO_BEAT ? null : Number(a[BPM_ATTRIBUTE]);
  return {
    bpm: bpm !== null && bpm >= 20 && bpm <= 400 ? bpm : null,
    beatAt: a[BPM_BEAT_AT_ATTRIBUTE] ? Number(a[BPM_BEAT_AT_ATTRIBUTE]) : null,
    confidence: a[BPM_CONFIDENCE_ATTRIBUTE] ? Number(a[BPM_CONFIDENCE_ATTRIBUTE]) : null,
  };
}
