/** Per-piece scores of one method, and their aggregation over any subset (a fold, a genre, a set). */
import type { Method, MethodResult } from './methods';
import { acc2, median, noBeat, timing, within } from './score';
import type { Stretch } from './set';

export type ScoredPiece = {
  id: string;
  kind: string;
  duration: number;
  stretches: Stretch[];
  change: number | null;
  file: string;
  drums?: boolean | null;
  /** Seconds into the piece at which its drums enter, where the source says (real set); else the first beat stretch's start. */
  drumsAt?: number | null;
};

export type PieceScore = {
  id: string;
  transition: boolean;
  acc1: boolean;
  acc2: boolean;
  half: boolean;
  final: number | null;
  first: number | null;
  stable: number | null;
  relock: number | null;
  noBeat: { total: number; correct: number };
  /** Drums but "no beat" somewhere more than 5 s after the drums enter (and after 5 s into the first beat stretch). */
  dropout: boolean;
  /** The reading before drum entry times (issue 19, sixth pass): "no beat" more than 5 s into the first beat stretch. */
  dropoutFromStart: boolean;
  cpu: number;
  audio: number;
};

/** Seconds into a beat stretch after which "no beat" counts as a miss on a piece with drums. */
export const DROPOUT_AFTER = 5;

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export async function scorePiece(method: Method, piece: ScoredPiece, audio: Float32Array, sampleRate: number): Promise<PieceScore> {
  const wall = performance.now();
  const cpu = cpuSeconds();
  const r: MethodResult = await method.run(audio, sampleRate, piece.file);
  // Child processes (aubio) do not show in this process's CPU time: count their wall time.
  const spent = method.name.startsWith('aubio') ? (performance.now() - wall) / 1000 : cpuSeconds() - cpu;
  const beats = piece.stretches.filter((s) => s.bpm !== null);
  const label = beats.at(-1)?.bpm ?? 0;
  const transition = piece.kind === 'transition';
  const s = beats[0];
  const t = r.series && s && s.bpm !== null ? timing(r.series, s.bpm, s.start, s.end) : null;
  const noBeatAfter = (from: number) =>
    !!r.series && piece.drums !== false && !!s && r.series.some((p) => p.bpm === null && p.t >= from && p.t <= s.end);
  const dropoutFromStart = !!s && noBeatAfter(s.start + DROPOUT_AFTER);
  const dropout = !!s && noBeatAfter(Math.max(s.start, piece.drumsAt ?? s.start) + DROPOUT_AFTER);
  return {
    id: piece.id,
    transition,
    acc1: within(r.bpm, label),
    acc2: acc2(r.bpm, label),
    half: r.bpm !== null && Math.abs(r.bpm - label) <= 0.5,
    final: r.bpm,
    first: t && !transition ? t.first : null,
    stable: t && !transition ? t.stable : null,
    relock: transition && r.series && piece.change !== null ? timing(r.series, label, piece.change, piece.duration).stable : null,
    noBeat: r.series && !transition ? noBeat(r.series, piece.stretches) : { total: 0, correct: 0 },
    dropout,
    dropoutFromStart,
    cpu: spent,
    audio: piece.duration,
  };
}

export type Aggregate = {
  n: number;
  acc1: number;
  acc2: number;
  half: number;
  noBeat: string;
  first: string;
  stable: string;
  relock: string;
  cpu: string;
  dropouts: number;
  /** The same counted from the beat stretch's start, not from the drums' entry. */
  dropoutsFromStart: number;
};

const share = (a: number, n: number) => (n ? (a / n).toFixed(2) : '-');
export const secs = (v: number[]) => {
  if (v.length === 0) return '-';
  const m = median(v);
  return Number.isFinite(m) ? `${m.toFixed(1)} s` : 'never';
};

export function aggregate(scores: PieceScore[], realtime: boolean): Aggregate {
  const steady = scores.filter((s) => !s.transition);
  const relocks = scores.filter((s) => s.relock !== null).map((s) => s.relock ?? Infinity);
  const nb = steady.reduce((a, s) => ({ total: a.total + s.noBeat.total, correct: a.correct + s.noBeat.correct }), {
    total: 0,
    correct: 0,
  });
  const cpu = scores.reduce((a, s) => a + s.cpu, 0);
  const audio = scores.reduce((a, s) => a + s.audio, 0);
  const worst = relocks.length ? Math.max(...relocks) : Number.NaN;
  return {
    n: steady.length,
    acc1: steady.filter((s) => s.acc1).length / Math.max(1, steady.length),
    acc2: steady.filter((s) => s.acc2).length / Math.max(1, steady.length),
    half: steady.filter((s) => s.half).length / Math.max(1, steady.length),
    noBeat: realtime ? share(nb.correct, nb.total) : 'offline',
    first: realtime ? secs(steady.map((s) => s.first ?? Infinity)) : 'offline',
    stable: realtime ? secs(steady.map((s) => s.stable ?? Infinity)) : 'offline',
    relock: !realtime
      ? 'offline'
      : relocks.length
        ? `${secs(relocks)} / ${Number.isFinite(worst) ? `${worst.toFixed(1)} s` : 'never'}`
        : '-',
    cpu: audio ? `${((cpu / audio) * 1000).toFixed(1)} ms (${((cpu / audio) * 100).toFixed(2)}% of a core)` : '-',
    dropouts: realtime ? steady.filter((s) => s.dropout).length : 0,
    dropoutsFromStart: realtime ? steady.filter((s) => s.dropoutFromStart).length : 0,
  };
}
