// The analyser's output and its options (analyzer.ts), apart so that file stays about its work.
import type { GateOptions } from './gate';
import type { TempoRange } from './range';
import type { TrackerTuning } from './tracker';

export type BpmEstimate = {
  /** Seconds of audio analysed so far (the analyser's own clock). */
  time: number;
  /** Tempo in BPM, or 0 when there is no beat (silence, speech, beatless music). */
  bpm: number;
  /** 0..1: how periodic the onsets are at that tempo. */
  confidence: number;
  /** Time (same clock as `time`) of the most recent beat, or -1. */
  lastBeat: number;
};

export type AnalyzerOptions = {
  range?: TempoRange;
  /** Seconds between estimates (default 0.2). */
  updateSeconds?: number;
  /** Tempogram window (default 6 s). */
  windowSeconds?: number;
  tuning?: Partial<TrackerTuning>;
  /** "No beat" rule (gate.ts): thresholds and the memory of a held beat; defaults GATE_DEFAULTS. */
  gate?: Partial<GateOptions>;
  /** Weight of onsets between beats against a candidate tempo (octave resolution; default 1.2). */
  between?: number;
  /** Weight of the comb at twice the tempo as support for a candidate (default 0.8). */
  support?: number;
  /** Recent onset density under this share of the window's means the beat stopped (default 0.35). */
  recentDrop?: number;
  /** Whether hats that go on mean the drums have not stopped (default true, issue 19 twelfth pass; gate.ts). */
  hatsPlay?: boolean;
  /** Share of the per-band-group autocorrelations (low, mid, high) in the one confidence is read from (default BAND_MIX). */
  bandMix?: number;
  /** Whether the tempo, too, is chosen on the mixed autocorrelation (default true; false: only the confidence). */
  bandTempo?: boolean;
  /** Seconds of mean evidence the metrical level is chosen on (level.ts; default LEVEL_MEMORY, 0: off). */
  levelMemory?: number;
  /** Whether the level memory chooses the octave lattice on evidence without the between term (level.ts; default true). */
  levelLattice?: boolean;
};
