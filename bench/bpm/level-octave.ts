/**
 * Issue 19, seventeenth pass: the octave question alone. At each piece's final sample, where the engine reads 135 BPM
 * or more and its half is a member: does any feature, or a logistic fit of them on the other folds, tell the pieces
 * labelled at the half from those labelled at the reading? `npx tsx bench/bpm/level-octave.ts IN.json`
 */
import { readFileSync } from 'node:fs';
import type { Member, PieceDump } from './level-features';
import { SETS, featurizer } from './level-fit';
import { nested, newton, type Case } from './level-logistic';

const within = (a: number, b: number) => Math.abs(a / b - 1) <= 0.04;
const FAST = 135;

/** Area under the ROC curve of `score` for the positives (y = 1): 0.5 is chance. */
export function auc(score: number[], y: number[]): number {
  let pairs = 0;
  let won = 0;
  score.forEach((s, i) => {
    if (y[i] !== 1) return;
    score.forEach((t, j) => {
      if (y[j] !== 0) return;
      pairs++;
      won += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return pairs ? won / pairs : 0.5;
}

function cases(dumps: PieceDump[], names: string[]): Case[] {
  const f = featurizer(names);
  const out: Case[] = [];
  for (const d of dumps) {
    const s = d.samples.filter((x) => x.t <= d.finalT + 0.01).at(-1);
    if (!s || s.engine < FAST) continue;
    const at = (r: number): Member | undefined => s.members.find((m) => Math.abs(m.bpm / (s.engine * r) - 1) < 0.02);
    const e = at(1);
    const h = at(0.5);
    if (!e || !h) continue;
    const y = within(h.bpm, d.label) ? 1 : within(e.bpm, d.label) ? 0 : -1;
    if (y < 0) continue;
    const xe = f.x(e);
    out.push({ id: d.id, fold: d.fold, y, d: f.x(h).map((v, j) => v - (xe[j] ?? 0)), label: d.label, read: e.bpm });
  }
  return out;
}

if (require.main === module) {
  const dumps = JSON.parse(readFileSync(process.argv[2] ?? '.local/level-features.json', 'utf8')) as PieceDump[];
  const subset = process.argv[3]?.split(',');
  const names = subset ?? (SETS.bandsDensity ?? []).filter((n) => n !== 'chosen');
  const all = cases(dumps, names);
  const y = all.map((c) => c.y);
  console.log(
    `read >= ${FAST} with the half a member: ${all.length}; labelled at the half ${y.filter((v) => v === 1).length}, at the reading ${y.filter((v) => v === 0).length}`,
  );
  console.log(
    `half-labelled: ${all
      .filter((c) => c.y === 1)
      .map((c) => `${c.id} (${c.label})`)
      .join(', ')}`,
  );
  names.forEach((n, j) =>
    console.log(
      `AUC of ${n} (half minus reading): ${auc(
        all.map((c) => c.d[j] ?? 0),
        y,
      ).toFixed(2)}`,
    ),
  );
  for (const lambda of [0.001, 0.01]) console.log(nested(all, names, lambda, 4));
  const cols = names.map((_, j) => j);
  for (const lambda of [0.01, 0.1, 1]) {
    let gained = 0;
    let lost = 0;
    const moved: string[] = [];
    const folds = [...new Set(all.map((c) => c.fold))];
    for (const fold of folds) {
      const score = newton(
        all.filter((c) => c.fold !== fold),
        cols,
        lambda,
      );
      for (const c of all.filter((x) => x.fold === fold))
        if (score(c.d) > 0) {
          if (c.y === 1) gained++;
          else lost++;
          moved.push(`${c.id}${c.y === 1 ? '+' : '-'}`);
        }
    }
    console.log(
      `logistic lambda ${lambda}, leave-one-fold-out: halves ${gained + lost}: ${gained} right, ${lost} wrong (net ${gained - lost}); ${moved.join(' ')}`,
    );
  }
}
