/**
 * Issue 19, seventeenth pass: a conditional-logit choice of the metrical level among the winner's relatives,
 * fit on the features level-features.ts dumped, scored leave-one-fold-out.
 * `npx tsx bench/bpm/level-fit.ts IN.json [--sets a,b] [--lambdas x,y] [--octave] [--tempo-maps] [--in-sample] [--verbose]`
 */
import { readFileSync } from 'node:fs';
import type { Member, PieceDump, Sample } from './level-features';
import { RAW } from './level-probe';

const FLOOR = 1e-3;
const within = (a: number, b: number) => Math.abs(a / b - 1) <= 0.04;
const acc2 = (a: number, b: number) => [1 / 3, 1 / 2, 1, 2, 3].some((r) => within(a, b * r));

type Featurizer = { names: string[]; x: (m: Member) => number[] };

const col = (name: string) => RAW.indexOf(name);
const lg = (v: number) => Math.log(FLOOR + Math.max(0, v));

const SCORE = ['logEv', 'logPlain', 'prior', 'logBpm'];
const BANDS = ['mix', 'kick', 'body', 'hats'].flatMap((b) => [`${b}Half`, `${b}T`, `${b}Double`, `${b}Mid`]);

/** Named feature sets to compare; `base` is what the engine already weighs (with its choice, so it can keep it). */
export const SETS: Record<string, string[]> = {
  base: ['logEv', 'prior', 'chosen'],
  score: [...SCORE, 'chosen'],
  mix: [...SCORE, 'chosen', ...BANDS.slice(0, 4)],
  bands: [...SCORE, 'chosen', ...BANDS],
  bandsDensity: [...SCORE, 'chosen', 'densityBpm', ...BANDS],
  noChosen: [...SCORE, ...BANDS],
};

export function featurizer(names: string[]): Featurizer {
  const n = RAW.length;
  const get: Record<string, (m: Member) => number> = {
    logEv: (m) => lg(m.x[0] ?? 0),
    logPlain: (m) => lg(m.x[1] ?? 0),
    prior: (m) => m.x[n] ?? 0,
    logBpm: (m) => Math.log2(m.bpm / 125),
    densityBpm: (m) => (m.x[n + 1] ?? 0) * 100 * Math.log2(m.bpm / 125),
    chosen: (m) => m.x[n + 2] ?? 0,
  };
  for (const r of RAW) get[r] = (m) => m.x[col(r)] ?? 0;
  return { names, x: (m) => names.map((k) => (get[k] as (m: Member) => number)(m)) };
}

type Row = { xs: number[][]; target: number; weight: number };

function rows(dumps: PieceDump[], f: Featurizer, from: number): Row[] {
  const out: Row[] = [];
  for (const d of dumps) {
    const use = d.samples.filter((s) => s.t >= from && s.members.some((m) => within(m.bpm, d.label)));
    for (const s of use) {
      const target = s.members.findIndex((m) => within(m.bpm, d.label));
      out.push({ xs: s.members.map(f.x), target, weight: 1 / use.length });
    }
  }
  return out;
}

/** Conditional logit by gradient descent on standardised features, L2 `lambda`; weights in raw feature units. */
export function fit(train: Row[], lambda: number, iterations = 400): number[] {
  const k = train[0]?.xs[0]?.length ?? 0;
  const mean = new Array<number>(k).fill(0);
  const sd = new Array<number>(k).fill(0);
  let count = 0;
  for (const r of train)
    for (const x of r.xs) {
      count++;
      x.forEach((v, j) => (mean[j] = (mean[j] ?? 0) + v));
    }
  mean.forEach((v, j) => (mean[j] = v / count));
  for (const r of train) for (const x of r.xs) x.forEach((v, j) => (sd[j] = (sd[j] ?? 0) + (v - (mean[j] ?? 0)) ** 2));
  sd.forEach((v, j) => (sd[j] = Math.sqrt(v / count) || 1));
  // Flat standardised rows: the loop below runs 400 times over thousands of samples.
  const z = train.map((r) => Float64Array.from(r.xs.flatMap((x) => x.map((v, j) => (v - (mean[j] ?? 0)) / (sd[j] ?? 1)))));
  const w = new Float64Array(k);
  const g = new Float64Array(k);
  const e = new Float64Array(64);
  const total = train.reduce((a, r) => a + r.weight, 0);
  for (let it = 0; it < iterations; it++) {
    for (let j = 0; j < k; j++) g[j] = 2 * lambda * (w[j] ?? 0);
    train.forEach((r, i) => {
      const x = z[i] as Float64Array;
      const n = x.length / k;
      let top = -Infinity;
      for (let m = 0; m < n; m++) {
        let v = 0;
        for (let j = 0; j < k; j++) v += (x[m * k + j] ?? 0) * (w[j] ?? 0);
        e[m] = v;
        if (v > top) top = v;
      }
      let sum = 0;
      for (let m = 0; m < n; m++) sum += e[m] = Math.exp((e[m] ?? 0) - top);
      for (let m = 0; m < n; m++) {
        const p = (((e[m] ?? 0) / sum - (m === r.target ? 1 : 0)) * r.weight) / total;
        for (let j = 0; j < k; j++) g[j] = (g[j] ?? 0) + p * (x[m * k + j] ?? 0);
      }
    });
    const rate = it < 200 ? 0.5 : 0.2;
    for (let j = 0; j < k; j++) w[j] = (w[j] ?? 0) - rate * (g[j] ?? 0);
  }
  return Array.from(w, (v, j) => v / (sd[j] ?? 1));
}

export function pick(s: Sample, f: Featurizer, w: number[]): number {
  let best = -Infinity;
  let bpm = s.engine;
  for (const m of s.members) {
    const v = f.x(m).reduce((a, x, j) => a + x * (w[j] ?? 0), 0);
    if (v > best) {
      best = v;
      bpm = m.bpm;
    }
  }
  return bpm;
}

/** The sample the engine's final reading comes from: the last at or before its last update with a beat. */
const finalSample = (d: PieceDump) => d.samples.filter((s) => s.t <= d.finalT + 0.01).at(-1) ?? d.samples.at(-1);

/** `--octave`: only the engine choice's octave family (1/2, 1, 2 times it) competes; the lattice stays the engine's. */
function octaveOnly(dumps: PieceDump[]): PieceDump[] {
  const near = (a: number, b: number) => Math.abs(a / b - 1) < 0.02;
  return dumps.map((d) => ({
    ...d,
    samples: d.samples.map((s) => ({ ...s, members: s.members.filter((m) => [0.5, 1, 2].some((r) => near(m.bpm, s.engine * r))) })),
  }));
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const read = JSON.parse(readFileSync(argv[0] ?? '.local/level-features.json', 'utf8')) as PieceDump[];
  const dumps = flag('--octave') ? octaveOnly(read) : read;
  const from = Number(value('--from') ?? 5);
  const only = value('--sets')?.split(',');
  // `--tempo-maps`: train only on pieces whose level comes from a tempo map or song file (not the module rule, LABELS.md).
  // `--in-sample`: every fold's weights are fit on all pieces, itself included (an upper bound, not a result).
  const mapped = (d: PieceDump) => !flag('--tempo-maps') || /^(freedoom|planetblupi|hydrogen|fof)/.test(d.id);
  const folds = [...new Set(dumps.map((d) => d.fold))].sort((a, b) => a - b);
  const lambdas = (value('--lambdas') ?? '0.001,0.01,0.1').split(',').map(Number);
  const engine = dumps.filter((d) => d.final !== null && within(d.final, d.label)).length;
  const replica = dumps.filter((d) => {
    const s = finalSample(d);
    return s && within(s.engine, d.label);
  }).length;
  console.log(`engine final Acc1 ${engine} / ${dumps.length}; replica at the final sample ${replica}`);
  for (const [name, names] of Object.entries(SETS)) {
    if (only && !only.includes(name)) continue;
    const f = featurizer(names);
    for (const lambda of lambdas) {
      let a1 = 0;
      let a2 = 0;
      const per: string[] = [];
      const moved: string[] = [];
      const weights: number[][] = [];
      for (const fold of folds) {
        const w =
          (flag('--in-sample') && weights[0]) ||
          fit(
            rows(
              dumps.filter((d) => (flag('--in-sample') || d.fold !== fold) && mapped(d)),
              f,
              from,
            ),
            lambda,
          );
        weights[0] = w;
        const held = dumps.filter((d) => d.fold === fold);
        let h = 0;
        for (const d of held) {
          const s = finalSample(d);
          const got = s ? pick(s, f, w) : 0;
          if (within(got, d.label)) {
            a1++;
            h++;
          }
          if (acc2(got, d.label)) a2++;
          const was = d.final !== null && within(d.final, d.label);
          if (was !== within(got, d.label))
            moved.push(`${d.id} ${d.label}: ${d.final} -> ${got.toFixed(1)}${was ? ' (lost)' : ' (gained)'}`);
        }
        per.push(`${h}/${held.length}`);
      }
      console.log(`${name} lambda ${lambda}: held-out Acc1 ${a1} Acc2 ${a2} of ${dumps.length}; folds ${per.join(' ')}`);
      if (flag('--verbose')) console.log(`  ${moved.join('\n  ')}`);
    }
  }
}
