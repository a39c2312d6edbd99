import { describe, expect, it } from 'vitest';
import type { PieceScore } from './evaluate';
import { printReal, type RealRun } from './real-bench';
import type { RealPiece } from './real-set';

const piece = (id: string, source: string, genres: string[], fold: number): RealPiece => ({
  id,
  kind: 'steady',
  source,
  licence: 'BSD-3-Clause',
  method: 'MIDI tempo map',
  sourceKind: 'midi',
  genres,
  fold,
  drums: true,
  drumsAt: 0,
  duration: 30,
  stretches: [{ start: 0, end: 30, bpm: 120 }],
  change: null,
  file: `${id}.wav`,
});

const score = (id: string, acc1: boolean, acc2: boolean): PieceScore => ({
  id,
  transition: false,
  acc1,
  acc2,
  half: acc1,
  final: 120,
  first: 1,
  stable: 2,
  relock: null,
  noBeat: { total: 0, correct: 0 },
  dropout: false,
  dropoutFromStart: false,
  cpu: 0.01,
  audio: 30,
});

describe('printReal', () => {
  it('prints per-source rows beside the per-genre ones, each with its piece count', () => {
    const pieces = [
      piece('a', 'freedoom', ['game score (MIDI)'], 5),
      piece('b', 'freedoom', ['game score (MIDI)'], 5),
      piece('c', 'hydrogen-data', ['funk'], 4),
    ];
    const method = { name: 'm', realtime: true, note: '', run: async () => ({ bpm: 120, series: null }) };
    const run: RealRun = { method, scores: [score('a', true, true), score('b', false, true), score('c', true, true)], choices: [] };
    const lines: string[] = [];
    printReal([run], pieces, (l) => lines.push(...l.split('\n')));
    const header = lines.findIndex((l) => l.startsWith('Per source package'));
    expect(lines[header + 1]).toBe('| method | freedoom (2) | hydrogen-data (1) |');
    expect(lines[header + 3]).toBe('| m | 0.50 / 1.00 | 1.00 / 1.00 |');
    const genres = lines.findIndex((l) => l.startsWith('Per genre'));
    expect(lines[genres + 1]).toBe('| method | funk (1) | game score (MIDI) (2) |');
  });
});
