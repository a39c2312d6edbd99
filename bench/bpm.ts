/**
 * npm run bench:bpm [-- --set both|generated|real] [--split dev|heldout] [--only NAME] [--verbose]
 * Two labelled sets (convention in bench/bpm/LABELS.md): the generated one (bench/bpm/set.ts; one split,
 * held-out by default) and the real-music one (bench/bpm/real-set.ts; our engine cross-validated by
 * folds). Runs our engine and every peer with one fixed range and prints a table per set.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { AnalyzerOptions } from '../src/lib/bpm';
import { decodeWav } from '../src/lib/wav';
import { allMethods, type Method, type MethodResult } from './bpm/methods';
import { acc2, median, noBeat, timing, within } from './bpm/score';
import { buildRealSet } from './bpm/real-set';
import { crossValidated, loadAudio, printReal, runPeer, type RealRun } from './bpm/real-bench';
import { buildSet, type Piece } from './bpm/set';

type Row = {
  method: Method;
  error: string | null;
  n: number;
  acc1: number;
  acc2: number;
  half: number;
  noBeat: { total: number; correct: number };
  first: number[];
  stable: number[];
  relock: number[];
  cpu: number;
  audio: number;
};

function args() {
  const a = process.argv.slice(2);
  const value = (name: string) => {
    const i = a.indexOf(name);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const split = value('--split') ?? 'heldout';
  if (split !== 'dev' && split !== 'heldout') throw new Error('--split must be dev or heldout');
  // Development only: analyser options as JSON, to tune on the dev part.
  const tune = value('--tune');
  if (tune && split !== 'dev') throw new Error('--tune is for the dev part only');
  const set = value('--set') ?? 'both';
  if (!['both', 'generated', 'real'].includes(set)) throw new Error('--set must be both, generated or real');
  return {
    set,
    split,
    only: value('--only'),
    verbose: a.includes('--verbose'),
    tune: tune ? (JSON.parse(tune) as AnalyzerOptions) : undefined,
  } as const;
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

const emptyRow = (method: Method): Row => ({
  method,
  error: null,
  n: 0,
  acc1: 0,
  acc2: 0,
  half: 0,
  noBeat: { total: 0, correct: 0 },
  first: [],
  stable: [],
  relock: [],
  cpu: 0,
  audio: 0,
});

/** Adds one piece's result to the method's row. */
function score(row: Row, piece: Piece, r: MethodResult): void {
  const beatStretches = piece.stretches.filter((s) => s.bpm !== null);
  const label = beatStretches.at(-1)?.bpm ?? 0;
  if (piece.kind === 'transition') {
    if (r.series && piece.change !== null) row.relock.push(timing(r.series, label, piece.change, piece.duration).stable);
    return;
  }
  row.n++;
  if (within(r.bpm, label)) row.acc1++;
  if (acc2(r.bpm, label)) row.acc2++;
  if (r.bpm !== null && Math.abs(r.bpm - label) <= 0.5) row.half++;
  if (!r.series) return;
  const s = beatStretches[0];
  if (s && s.bpm !== null) {
    const t = timing(r.series, s.bpm, s.start, s.end);
    row.first.push(t.first);
    row.stable.push(t.stable);
  }
  const nb = noBeat(r.series, piece.stretches);
  row.noBeat.total += nb.total;
  row.noBeat.correct += nb.correct;
}

/** One line per piece on stderr (--verbose). */
function printPiece(method: Method, piece: Piece, r: MethodResult): void {
  const beatStretches = piece.stretches.filter((s) => s.bpm !== null);
  const label = beatStretches.at(-1)?.bpm ?? 0;
  const t = r.series && beatStretches[0]?.bpm ? timing(r.series, beatStretches[0].bpm, beatStretches[0].start, beatStretches[0].end) : null;
  const extra =
    piece.kind === 'transition' && r.series
      ? ` relock ${timing(r.series, label, piece.change ?? 0, piece.duration).stable.toFixed(1)}`
      : '';
  console.error(
    `${method.name.slice(0, 12)} ${piece.id.padEnd(26)} label ${beatStretches.map((s) => s.bpm).join('->')} got ${r.bpm?.toFixed(2) ?? 'none'}${t ? ` first ${t.first.toFixed(1)} stable ${t.stable.toFixed(1)}` : ''}${extra}${within(r.bpm, label) ? '' : '  <-- MISS'}`,
  );
}

async function runMethod(method: Method, pieces: Piece[], audio: Map<string, Float32Array>, verbose: boolean): Promise<Row> {
  const row = emptyRow(method);
  try {
    await method.check?.();
  } catch (e) {
    row.error = e instanceof Error ? (e.message.split('\n')[0] ?? String(e)) : String(e);
    return row;
  }
  for (const piece of pieces) {
    const x = audio.get(piece.id) as Float32Array;
    const wall = performance.now();
    const cpu = cpuSeconds();
    let r: MethodResult;
    try {
      r = await method.run(x, 44_100, piece.file);
    } catch (e) {
      row.error = `failed on ${piece.id}: ${e instanceof Error ? e.message : String(e)}`;
      return row;
    }
    // Child processes (aubio) do not show in this process's CPU time: count their wall time.
    const spent = method.name.startsWith('aubio') ? (performance.now() - wall) / 1000 : cpuSeconds() - cpu;
    row.cpu += spent;
    row.audio += piece.duration;
    score(row, piece, r);
    if (verbose) printPiece(method, piece, r);
  }
  return row;
}

const pct = (a: number, n: number) => (n ? (a / n).toFixed(2) : '-');
const secs = (v: number[]) => {
  if (v.length === 0) return '-';
  const m = median(v);
  return Number.isFinite(m) ? `${m.toFixed(1)} s` : 'never';
};

async function real(only: string | undefined, verbose: boolean): Promise<void> {
  const pieces = buildRealSet((line) => console.error(line));
  const audio = loadAudio(pieces);
  const log = verbose ? (l: string) => console.error(l) : () => undefined;
  const runs: RealRun[] = [];
  for (const m of allMethods()) {
    if (only && !m.name.includes(only)) continue;
    console.error(`running ${m.name} on ${pieces.length} real pieces`);
    try {
      runs.push(...(m.name.startsWith('this project') ? await crossValidated(pieces, audio, log) : [await runPeer(m, pieces, audio, log)]));
    } catch (e) {
      console.log(`- ${m.name} cannot run: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  const minutes = pieces.reduce((s, p) => s + p.duration, 0) / 60;
  console.log(
    `\nBPM benchmark, real-music set (bench/bpm/real-set.json): ${pieces.length} pieces, ${minutes.toFixed(1)} min of audio; our engine: held-out folds of a ${new Set(pieces.map((p) => p.fold)).size}-fold cross-validation`,
  );
  printReal(runs, pieces, (l) => console.log(l));
  console.log('\nHow each method ran: as for the generated set (below); the folds choose among bench/bpm/real-bench.ts CANDIDATES.');
}

async function main(): Promise<void> {
  const { set, split, only, verbose, tune } = args();
  const started = Date.now();
  if (set !== 'generated') await real(only, verbose);
  if (set === 'real') return;
  const all = buildSet((line) => console.error(line));
  const pieces = all.filter((p) => p.split === split);
  const audio = new Map(pieces.map((p) => [p.id, decodeWav(readFileSync(p.file)).mono] as const));
  const methods = allMethods(tune).filter((m) => !only || m.name.includes(only));
  const rows: Row[] = [];
  for (const m of methods) {
    console.error(`running ${m.name} on ${pieces.length} ${split} pieces`);
    rows.push(await runMethod(m, pieces, audio, verbose));
  }
  const steady = pieces.filter((p) => p.kind !== 'transition').length;
  const minutes = pieces.reduce((s, p) => s + p.duration, 0) / 60;
  console.log(
    `\nBPM benchmark, ${split} part: ${pieces.length} pieces (${steady} for accuracy, ${pieces.length - steady} transitions), ${minutes.toFixed(1)} min of audio; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
  );
  console.log(
    '| method | Acc1 | Acc2 | within 0.5 BPM | no beat detected | median time to first correct | median time to stable | re-lock (median / worst) | CPU per s of audio |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    if (r.error) {
      console.log(`| ${r.method.name} | cannot run: ${r.error} | | | | | | | |`);
      continue;
    }
    const worst = r.relock.length ? Math.max(...r.relock) : Number.NaN;
    const relock = r.method.realtime ? `${secs(r.relock)} / ${Number.isFinite(worst) ? `${worst.toFixed(1)} s` : 'never'}` : 'offline';
    const cpu = r.audio ? `${((r.cpu / r.audio) * 1000).toFixed(1)} ms (${((r.cpu / r.audio) * 100).toFixed(2)}% of a core)` : '-';
    console.log(
      `| ${r.method.name} | ${pct(r.acc1, r.n)} | ${pct(r.acc2, r.n)} | ${pct(r.half, r.n)} | ${r.method.realtime ? pct(r.noBeat.correct, r.noBeat.total) : 'offline'} | ${r.method.realtime ? secs(r.first) : 'offline'} | ${r.method.realtime ? secs(r.stable) : 'offline'} | ${relock} | ${cpu} |`,
    );
  }
  console.log('\nHow each method ran:');
  for (const r of rows) console.log(`- ${r.method.name}: ${r.method.note}`);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s; labels and scoring: bench/bpm/LABELS.md)`);
}

main().catch((e: unknown) => {
  console.error(`bench:bpm: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
