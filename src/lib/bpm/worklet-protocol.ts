import type { RangePresetId } from './range';

/** Where the console loads the worklet from: a static file on the app's own origin (CSP 'self'). */
export const BPM_WORKLET_URL = '/worklets/bpm-processor.js';
export const BPM_PROCESSOR_NAME = 'bpm-processor';

export type BpmProcessorOptions = { range: RangePresetId };

export type ToBpmProcessor = { type: 'range'; range: RangePresetId } | { type: 'tap'; bpm: number | null };

/** An estimate, timed on the AudioContext clock (seconds). */
export type FromBpmProcessor = {
  type: 'estimate';
  /** BPM, 0 for "no beat". */
  bpm: number;
  confidence: number;
  /** Context time of the most recent beat, or -1. */
  lastBeat: number;
  /** Context time the estimate refers to (the end of the analysed audio). */
  at: number;
};
