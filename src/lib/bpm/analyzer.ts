import { CellEvidence } from './cells';
import { LevelMemory } from './level';
import { refineTempo } from './refine';
import { BeatGate, GATE_DEFAULTS, SteadyTempo } from './gate';
import { BAND_MIX, BandMix } from './bands';
import { OnsetEnvelope } from './onset';
import type { AnalyzerOptions, BpmEstimate } from './options';
import { DEFAULT_RANGE, type TempoRange } from './range';
import { Tempogram } from './tempogram';
import { DEFAULT_TUNING, TempoTracker } from './tracker';

export type { AnalyzerOptions, BpmEstimate } from './options';

/** Below this RMS (-60 dBFS, averaged over about a second) the input counts as silence. */
const SILENCE_RMS = 0.001;
/** Seconds of evidence the metrical level is chosen on (issue 19, third pass). */
export const LEVEL_MEMORY = 20;
/** While the tempo holds, refined values are averaged: a plain mean of the first five, then an exponential average (about 1 s), so an early disturbance fades fast. */
const AVERAGE_MAX = 5;
/** Seconds of envelope needed before a first estimate. */
const MIN_SECONDS = 1.5;

/**
 * Realtime tempo estimator. Feed mono samples in blocks of any size with `process`; every
 * `updateSeconds` it refreshes `estimate` in place. Nothing allocates after construction, so the
 * same object runs inside an AudioWorklet's `process()` and in Node (CLI, benchmark, server).
 */
export class BpmAnalyzer {
  readonly sampleRate: number;
  readonly estimate: BpmEstimate = { time: 0, bpm: 0, confidence: 0, lastBeat: -1 };
  private readonly onset: OnsetEnvelope;
  private readonly tempogram: Tempogram;
  private readonly bands: BandMix;
  private readonly bandTempo: boolean;
  private readonly tracker: TempoTracker;
  private readonly evidence: Float64Array;
  private readonly cells: CellEvidence;
  private readonly updateFrames: number;
  private readonly gate: BeatGate;
  private readonly steady: SteadyTempo;
  private readonly updateSeconds: number;
  private framesSinceUpdate = 0;
  private totalFrames = 0;
  private loudness = 0;
  private readonly loudnessAlpha: number;
  private smoothed = 0;
  private readonly refined = new Float64Array(1);
  private averaged = 0;
  private range: TempoRange;
  private tapped: number | null = null;
  private readonly between: number;
  private readonly support: number;
  private readonly recentDrop: number;
  private readonly hatsPlay: boolean;
  private readonly level: LevelMemory;
  /** Evidence without the between term (the level memory's lattice), or null. */
  private readonly plain: Float64Array | null;

  constructor(sampleRate: number, options: AnalyzerOptions = {}) {
    this.sampleRate = sampleRate;
    this.range = options.range ?? DEFAULT_RANGE;
    this.onset = new OnsetEnvelope(sampleRate);
    this.tempogram = new Tempogram(this.onset.frameRate, options.windowSeconds ?? 6);
    this.bandTempo = options.bandTempo ?? true;
    this.bands = new BandMix(this.onset.frameRate, options.windowSeconds ?? 6, this.onset.bands.length, options.bandMix ?? BAND_MIX);
    this.tracker = new TempoTracker(this.range, { ...DEFAULT_TUNING, ...options.tuning });
    this.evidence = new Float64Array(this.tracker.size);
    this.cells = new CellEvidence(this.onset.frameRate, this.tracker.bpm);
    this.updateFrames = Math.max(1, Math.round((options.updateSeconds ?? 0.2) * this.onset.frameRate));
    this.loudnessAlpha = 1 / this.onset.frameRate;
    this.between = options.between ?? 1.2;
    this.support = options.support ?? 0.8;
    this.recentDrop = options.recentDrop ?? 0.35;
    this.hatsPlay = options.hatsPlay ?? true;
    const gate = { ...GATE_DEFAULTS, ...options.gate };
    this.gate = new BeatGate(gate);
    this.updateSeconds = (this.updateFrames * this.onset.hop) / sampleRate;
    this.steady = new SteadyTempo(gate, this.updateSeconds);
    this.plain = (options.levelLattice ?? true) ? new Float64Array(this.tracker.size) : null;
    this.level = new LevelMemory(this.tracker.size, Math.round((options.levelMemory ?? LEVEL_MEMORY) / this.updateSeconds));
  }

  /** Pick another range; the tempo is re-acquired inside it. */
  setRange(range: TempoRange): void {
    this.range = range;
    this.tapped = null;
    this.tracker.setRange(range, null);
    this.level.reset();
    this.averaged = 0;
  }

  /**
   * Octave correction from the DJ's taps: the tracker prefers the metrical level nearest the tapped
   * tempo until `clearTap` or another range is picked.
   */
  setTap(bpm: number | null): void {
    this.tapped = bpm !== null && bpm > 0 ? Math.min(this.range.max, Math.max(this.range.min, bpm)) : null;
    this.tracker.setRange(this.range, this.tapped);
    this.level.reset();
    this.averaged = 0;
  }

  /** Feed `count` mono samples from `samples[offset]`. Returns true when `estimate` was refreshed. */
  process(samples: ArrayLike<number>, offset = 0, count = samples.length - offset): boolean {
    let updated = false;
    let i = 0;
    while (i < count) {
      i += this.onset.write(samples, offset + i, count - i);
      if (!this.onset.frameReady) continue;
      this.tempogram.push(this.onset.value);
      this.bands.push(this.onset.bands);
      this.totalFrames++;
      this.loudness += (this.onset.rms - this.loudness) * this.loudnessAlpha;
      if (++this.framesSinceUpdate >= this.updateFrames) {
        this.framesSinceUpdate = 0;
        this.update();
        updated = true;
      }
    }
    return updated;
  }

  private update(): void {
    const est = this.estimate;
    const frameRate = this.onset.frameRate;
    est.time = (this.totalFrames * this.onset.hop) / this.sampleRate;
    if (this.tempogram.frames < MIN_SECONDS * frameRate) return;
    const tg = this.tempogram;
    tg.update();
    if (this.bandTempo) this.bands.mixInto(tg.rho);
    const tr = this.tracker;
    const { rangeStart: lo, rangeEnd: hi } = tr;
    this.cells.compute(tg.rho, tg.length, lo, hi, this.range.max, this.between, this.support, this.evidence, this.plain);
    let best = tr.observe(this.evidence);
    // A tapped tempo fixes the level itself.
    if (this.tapped === null) best = this.level.choose(best, this.evidence, tr.logPrior, lo, hi, this.plain);
    refineTempo(tg, tr.bpm[best] ?? 0, this.refined);
    const bpm = this.refined[0] ?? 0;
    if (!this.bandTempo) this.bands.mixInto(tg.rho);
    tg.measure(bpm);
    const confidence = Math.max(0, Math.min(1, tg.measured[0] ?? 0));
    est.confidence = confidence;

    // Drums that just stopped still fill most of the window: the recent onset density says so first, in the whole
    // envelope and in the hats band alike (hats that go on are drums that have not stopped). Inline: a call here boxes.
    const drop = this.recentDrop;
    const hats = this.hatsPlay ? this.bands.hats : null;
    const stopped =
      tg.recentStrength < drop * tg.meanStrength &&
      (hats === null || !(hats.meanStrength > 0) || hats.recentStrength < drop * hats.meanStrength);
    const input = this.steady.input;
    input[0] = bpm;
    input[1] = tg.meanStrength;
    input[2] = confidence;
    input[3] = this.gate.on ? 1 : 0;
    const steady = this.steady.update();
    if (!this.gate.update(this.updateSeconds, this.loudness < SILENCE_RMS, stopped, confidence, steady, this.steady.kept)) {
      est.bpm = 0;
      est.lastBeat = -1;
      this.averaged = 0;
      return;
    }
    // Average refined values while the tempo holds (within 2%); start over when it moves.
    if (this.averaged > 0 && Math.abs(Math.log2(bpm / this.smoothed)) < 0.03) {
      this.averaged = Math.min(AVERAGE_MAX, this.averaged + 1);
      this.smoothed += (bpm - this.smoothed) / this.averaged;
    } else {
      this.smoothed = bpm;
      this.averaged = 1;
    }
    est.bpm = this.smoothed;
    const period = (60 * frameRate) / this.smoothed;
    const back = tg.beatPhase(period);
    // An onset shows in the flux about half a frame after it enters the frame.
    est.lastBeat = ((this.totalFrames - 1 - back) * this.onset.hop + this.onset.frameSize / 2) / this.sampleRate;
  }
}
