import type { BusReport } from './bus';

/** Where the console loads the worklet from: a static file on the app's own origin (CSP 'self'). */
export const LEVEL_WORKLET_URL = '/worklets/level-processor.js';
export const LEVEL_PROCESSOR_NAME = 'level-processor';
/** About 30 reports a second: smooth meters, one small message per 32 ms. */
export const REPORT_EVERY_FRAMES = 1536;

export type LevelProcessorOptions = { trimDb: number; leveller: boolean };

export type ToLevelProcessor =
  | { type: 'trim'; db: number }
  | { type: 'leveller'; on: boolean }
  /** A new set: the integrated loudness starts again. */
  | { type: 'reset-integrated' };

export type FromLevelProcessor = { type: 'report' } & BusReport;
