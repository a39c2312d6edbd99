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
  [BPM_CONFIDENCE_ATTRIBUTE]: z.union([z.literal(''), z.string().regex(/^(0\.\d{2}|1\.00)$/)]).optional(),
});

/** What the server sets when a DJ goes off air: "" deletes each tempo attribute. */
export const CLEARED_TEMPO_ATTRIBUTES: Readonly<Record<string, string>> = {
  [BPM_ATTRIBUTE]: '',
  [BPM_BEAT_AT_ATTRIBUTE]: '',
  [BPM_CONFIDENCE_ATTRIBUTE]: '',
};

/** Tempos a listener is shown; anything else reads as no beat. */
export const SHOWN_BPM = { min: 20, max: 400 } as const;
/** Beat anchors must be plausible wall-clock times (epoch ms, 2001 to 2128). */
const BEAT_AT_RANGE = { min: 1e12, max: 5e12 } as const;

/** What a listener shows: null bpm = no beat. */
export type LiveTempo = { bpm: number | null; beatAt: number | null; confidence: number | null };

/** Parse a participant's attributes; null when it publishes no tempo (or garbage). */
export function parseTempoAttributes(attributes: Readonly<Record<string, string>>): LiveTempo | null {
  if (!(BPM_ATTRIBUTE in attributes)) return null;
  const parsed = bpmAttributesSchema.safeParse(attributes);
  if (!parsed.success) return null;
  const a = parsed.data;
  const bpm = a[BPM_ATTRIBUTE] === '' || a[BPM_ATTRIBUTE] === BPM_NO_BEAT ? null : Number(a[BPM_ATTRIBUTE]);
  const beatAt = a[BPM_BEAT_AT_ATTRIBUTE] ? Number(a[BPM_BEAT_AT_ATTRIBUTE]) : null;
  return {
    bpm: bpm !== null && bpm >= SHOWN_BPM.min && bpm <= SHOWN_BPM.max ? bpm : null,
    beatAt: beatAt !== null && beatAt >= BEAT_AT_RANGE.min && beatAt <= BEAT_AT_RANGE.max ? beatAt : null,
    confidence: a[BPM_CONFIDENCE_ATTRIBUTE] ? Number(a[BPM_CONFIDENCE_ATTRIBUTE]) : null,
  };
}
