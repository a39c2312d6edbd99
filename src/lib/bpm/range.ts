/** Tempo range the estimate is reported in; the default spans more than an octave and resolves octaves itself. */
export const RANGE_PRESET_IDS = ['auto', '60-120', '70-140', '85-170'] as const;
export type RangePresetId = (typeof RANGE_PRESET_IDS)[number];
export type TempoRange = { id: RangePresetId; min: number; max: number; label: string };

export const RANGE_PRESETS = {
  auto: { id: 'auto', min: 60, max: 200, label: 'Auto 60-200' },
  '60-120': { id: '60-120', min: 60, max: 120, label: '60-120' },
  '70-140': { id: '70-140', min: 70, max: 140, label: '70-140' },
  '85-170': { id: '85-170', min: 85, max: 170, label: '85-170' },
} as const satisfies Record<RangePresetId, TempoRange>;

export const DEFAULT_RANGE: TempoRange = RANGE_PRESETS.auto;

export function isRangePresetId(value: unknown): value is RangePresetId {
  return typeof value === 'string' && Object.hasOwn(RANGE_PRESETS, value);
}

/** Outer bounds of every range: the tracker's grid is allocated once for these. */
export const GRID_MIN_BPM = 40;
export const GRID_MAX_BPM = 240;
