/** Logistic regression for the octave question (level-octave.ts): Newton steps, leave-one-fold-out, forward selection. */

export type Case = { id: string; fold: number; y: number; d: number[]; label: number; read: number };

/** Logistic regression by Newton steps (small k): standardised inputs, intercept, L2 `lambda`; returns a scorer. */
export function newton(train: Case[], cols: number[], lambda: number): (d: number[]) => number {
  const k = cols.length + 1;
  const mean = cols.map((j) => train.reduce((a, c) => a + (c.d[j] ?? 0), 0) / train.length);
  const sd = cols.map((j, q) => Math.sqrt(train.reduce((a, c) => a + ((c.d[j] ?? 0) - (mean[q] ?? 0)) ** 2, 0) / train.length) || 1);
  const z = (d: number[]) => [1, ...cols.map((j, q) => ((d[j] ?? 0) - (mean[q] ?? 0)) / (sd[q] ?? 1))];
  const xs = train.map((c) => z(c.d));
  const w = new Array<number>(k).fill(0);
  for (let it = 0; it < 15; it++) {
    const g = w.map((v, j) => (j ? 2 * lambda * v * train.length : 0));
    const h = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => (a === b && a ? 2 * lambda * train.length : 0)));
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((a, v, j) => a + v * (w[j] ?? 0), 0)));
      const r = p - (train[i]?.y ?? 0);
      for (let a = 0; a < k; a++) {
        g[a] = (g[a] ?? 0) + r * (x[a] ?? 0);
        for (let b = 0; b < k; b++)
          (h[a] as number[])[b] = ((h[a] as number[])[b] ?? 0) + p * (1 - p) * (x[a] ?? 0) * (x[b] ?? 0) + (a === b ? 1e-9 : 0);
      }
    });
    const step = solve(h, g);
    w.forEach((v, j) => (w[j] = v - (step[j] ?? 0)));
  }
  return (d) => z(d).reduce((a, v, j) => a + v * (w[j] ?? 0), 0);
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[p]?.[c] ?? 0)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = m[c]?.[c] ?? 1;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = (m[r]?.[c] ?? 0) / pivot;
      for (let q = c; q <= n; q++) (m[r] as number[])[q] = (m[r]?.[q] ?? 0) - f * (m[c]?.[q] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** Net pieces gained (right halves minus wrong halves) leave-one-fold-out on `data` with columns `cols`. */
export function net(data: Case[], cols: number[], lambda: number): number {
  let n = 0;
  for (const fold of new Set(data.map((c) => c.fold))) {
    const train = data.filter((c) => c.fold !== fold);
    if (!train.some((c) => c.y === 1)) continue;
    const score = newton(train, cols, lambda);
    for (const c of data) if (c.fold === fold && score(c.d) > 0) n += c.y === 1 ? 1 : -1;
  }
  return n;
}

/** Greedy forward selection of up to `most` columns by inner leave-one-fold-out net gain. */
export function select(data: Case[], k: number, lambda: number, most: number): number[] {
  const cols: number[] = [];
  let best = 0;
  for (let step = 0; step < most; step++) {
    let add = -1;
    for (let j = 0; j < k; j++) {
      if (cols.includes(j)) continue;
      const v = net(data, [...cols, j], lambda);
      if (v > best) {
        best = v;
        add = j;
      }
    }
    if (add < 0) break;
    cols.push(add);
  }
  return cols;
}

export function nested(all: Case[], names: string[], lambda: number, most: number): string {
  let gained = 0;
  let lost = 0;
  const out: string[] = [];
  for (const fold of [...new Set(all.map((c) => c.fold))].sort((a, b) => a - b)) {
    const train = all.filter((c) => c.fold !== fold);
    const cols = select(train, names.length, lambda, most);
    const score = cols.length ? newton(train, cols, lambda) : () => -1;
    const moved = all.filter((c) => c.fold === fold && score(c.d) > 0);
    moved.forEach((c) => (c.y === 1 ? gained++ : lost++));
    out.push(`f${fold} [${cols.map((j) => names[j]).join(',')}] ${moved.map((c) => `${c.id}${c.y === 1 ? '+' : '-'}`).join(' ')}`);
  }
  return `nested forward selection (lambda ${lambda}, up to ${most}): ${gained} right, ${lost} wrong, net ${gained - lost}\n  ${out.join('\n  ')}`;
}
