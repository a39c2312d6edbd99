/**
 * Issue 19, seventeenth pass: per-member features of the metrical level choice on the real set, dumped for an
 * offline fit (level-fit.ts). Runs the engine's tempo path (onset, tempogram, band mix, cells, tracker, level
 * memory) as BpmAnalyzer does, and beside it the band-wise combs the features need; once a second it writes, for
 * each of the nine relatives of the tracker's winner, the running means (the level memory's averaging) of every
 * feature at that member. `npx tsx bench/bpm/level-features.ts OUT.json`
 */
import { writeFileSync } from 'node:fs';
import { analyzeSignal } from '../../src/lib/bpm';
import { BAND_MIX, BandMix } from '../../src/lib/bpm/bands';
import { CellEvidence } from '../../src/lib/bpm/cells';
import { LevelMemory } from '../../src/lib/bpm/level';
import { OnsetEnvelope } from '../../src/lib/bpm/onset';
import { DEFAULT_RANGE } from '../../src/lib/bpm/range';
import { Tempogram } from '../../src/lib/bpm/tempogram';
import { DEFAULT_TUNING, TempoTracker } from '../../src/lib/bpm/tracker';
import { RENDER_QUANTUM } from '../../src/lib/bpm/run';
import { loadAudio } from './real-bench';
import { buildRealSet } from './real-set';
import { FeatureMeans, RELATIVES, memberIndex } from './level-probe';

export type Member = { ratio: number; bpm: number; x: number[] };
export type Sample = { t: number; engine: number; members: Member[] };
export type PieceDump = { id: string; fold: number; label: number; final: number | null; finalT: number; samples: Sample[] };

const WINDOW = 6;
const MEMORY = 20;

function probe(audio: Float32Array, sr: number): Sample[] {
  const onset = new OnsetEnvelope(sr);
  const fr = onset.frameRate;
  const tg = new Tempogram(fr, WINDOW);
  const mix = new BandMix(fr, WINDOW, onset.bands.length, BAND_MIX);
  const bandTg = [0, 1, 2].map(() => new Tempogram(fr, WINDOW));
  const tracker = new TempoTracker(DEFAULT_RANGE, DEFAULT_TUNING);
  const { rangeStart: lo, rangeEnd: hi } = tracker;
  const evidence = new Float64Array(tracker.size);
  const plain = new Float64Array(tracker.size);
  const cells = new CellEvidence(fr, tracker.bpm);
  const updateFrames = Math.round(0.2 * fr);
  const level = new LevelMemory(tracker.size, Math.round(MEMORY / ((updateFrames * onset.hop) / sr)));
  const means = new FeatureMeans(fr, tracker.bpm, Math.round(MEMORY / ((updateFrames * onset.hop) / sr)));
  const samples: Sample[] = [];
  let frames = 0;
  let updates = 0;
  for (let i = 0; i < audio.length;) {
    i += onset.write(audio, i, Math.min(RENDER_QUANTUM, audio.length - i));
    if (!onset.frameReady) continue;
    tg.push(onset.value);
    mix.push(onset.bands);
    const b = onset.bands;
    bandTg[0]?.push(b[0] ?? 0);
    bandTg[1]?.push(((b[1] ?? 0) + (b[2] ?? 0) + (b[3] ?? 0)) / 3);
    bandTg[2]?.push(((b[4] ?? 0) + (b[5] ?? 0)) / 2);
    frames++;
    if (frames % updateFrames !== 0 || tg.frames < 1.5 * fr) continue;
    tg.update();
    mix.mixInto(tg.rho);
    for (const t of bandTg) t.update();
    cells.compute(tg.rho, tg.length, lo, hi, DEFAULT_RANGE.max, 1.2, 0.8, evidence, plain);
    const best = tracker.observe(evidence);
    const chosen = level.choose(best, evidence, tracker.logPrior, lo, hi, plain);
    means.update(best, tg, bandTg, evidence, plain);
    if (++updates % 5 !== 0) continue;
    const members: Member[] = [];
    for (const ratio of RELATIVES) {
      const m = memberIndex(best, ratio, means.ev, tracker.logPrior, lo, hi);
      if (m < 0) continue;
      members.push({ ratio, bpm: tracker.bpm[m] ?? 0, x: means.at(m, tracker.logPrior[m] ?? 0, m === chosen) });
    }
    samples.push({ t: (frames * onset.hop) / sr, engine: tracker.bpm[chosen] ?? 0, members });
  }
  return samples;
}

if (require.main === module) {
  const out = process.argv[2] ?? '.local/level-features.json';
  const pieces = buildRealSet();
  const dumps: PieceDump[] = [];
  for (const p of pieces) {
    const audio = loadAudio([p]).get(p.id) as Float32Array;
    const r = analyzeSignal(audio, 44_100);
    const last = r.updates.filter((u) => u.bpm !== null).at(-1);
    const label = p.stretches.filter((s) => s.bpm !== null).at(-1)?.bpm ?? 0;
    dumps.push({ id: p.id, fold: p.fold, label, final: r.bpm, finalT: last?.t ?? 0, samples: probe(audio, 44_100) });
    console.error(`${p.id} f${p.fold} label ${label} final ${r.bpm}`);
  }
  writeFileSync(out, JSON.stringify(dumps));
}
