/**
 * Tempo timeline of a tracker module (.mod/.xm/.it/.s3m) from the player itself: xmp prints, for every
 * pattern it plays, the speed (ticks per row) and tempo in force, and a clock per row. Rows per beat come
 * from the file (IT row highlight) or the trackers' default of 4 (see LABELS.md, "Real set").
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type TrackerSegment = { start: number; end: number; speed: number; tempo: number; rowSeconds: number };

/** Seconds per row: a tick lasts 2.5 / tempo s, a row `speed` ticks. */
export const rowSeconds = (speed: number, tempo: number) => (2.5 * speed) / tempo;

/** One pattern as xmp played it: speed and tempo in force, its order-list position, and a clock per row. */
export type Pattern = { speed: number; tempo: number; pos: number; rows: { row: number; t: number }[] };

/** Parse xmp's status output (pattern headers and per-row clock redraws). Pure, unit tested. */
export function parseXmpStatus(text: string): Pattern[] {
  const out: Pattern[] = [];
  for (const part of text.split('Speed[').slice(1)) {
    const head = /^([0-9A-F]{2})\] BPM\[([0-9A-F]{2})\](?: Pos\[([0-9A-F]{2}))?/.exec(part);
    if (!head) continue;
    const rows: Pattern['rows'] = [];
    for (const m of part.matchAll(/([0-9A-F]{2})\/[0-9A-F]{2}\] Chn\[[^\]]*\]\s+(\d+):(\d+):(\d+)\.(\d)/g)) {
      rows.push({ row: Number.parseInt(m[1] ?? '0', 16), t: Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) + Number(m[5]) / 10 });
    }
    out.push({
      speed: Number.parseInt(head[1] ?? '6', 16),
      tempo: Number.parseInt(head[2] ?? '125', 16),
      pos: Number.parseInt(head[3] ?? '-1', 16),
      rows,
    });
  }
  return out;
}

/**
 * Stretches of constant speed and tempo, checked against the clock: a pattern joins only if its rows are
 * consecutive and their clock advances at the expected row length (within 3%), so a tempo change inside a
 * pattern (which the header does not show) breaks the stretch.
 */
export function constantStretches(patterns: Pattern[]): TrackerSegment[] {
  const segs: TrackerSegment[] = [];
  let cur: TrackerSegment | null = null;
  for (const p of patterns) {
    const rs = rowSeconds(p.speed, p.tempo);
    const first = p.rows[0];
    const last = p.rows.at(-1);
    let ok = !!first && !!last && p.rows.every((r, i) => i === 0 || r.row === (p.rows[i - 1]?.row ?? -2) + 1);
    if (ok && first && last && last.t - first.t >= 2) ok = Math.abs((last.t - first.t) / (last.row - first.row) / rs - 1) < 0.03;
    if (!ok || !first || !last) {
      if (cur) segs.push(cur);
      cur = null;
      continue;
    }
    if (cur && cur.speed === p.speed && cur.tempo === p.tempo) cur.end = last.t + rs;
    else {
      if (cur) segs.push(cur);
      cur = { start: first.t, end: last.t + rs, speed: p.speed, tempo: p.tempo, rowSeconds: rs };
    }
  }
  if (cur) segs.push(cur);
  return segs;
}

/** Render `seconds` of a module to a 44.1 kHz WAV with xmp and return its tempo timeline. */
export function renderModule(file: string, wav: string, seconds: number): Pattern[] {
  // xmp prints its status line only to a terminal: `script` gives it one. Mono (-m) from xmp itself: it plays
  // an IT channel's surround as left = -right, which a mean of its stereo output cancels (pingus rough_journey
  // came out at -92 dBFS; issue 19, third pass).
  const cmd = `xmp --nocmd --norc -m -t ${Math.ceil(seconds)} -f 44100 -o '${wav}' '${file}'`;
  const text = execFileSync('script', ['-qec', cmd, '/dev/null'], {
    encoding: 'latin1',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });
  return parseXmpStatus(text);
}

/** Rows per beat from the module itself: an IT file's row highlight (rows per beat), else null. */
export function rowsPerBeatInFile(file: string): number | null {
  const b = readFileSync(file);
  if (b.subarray(0, 4).toString('latin1') !== 'IMPM') return null;
  const minor = b[0x1e] ?? 0;
  return minor >= 2 && minor <= 8 ? minor : null;
}

/** Clock time of every played row whose (order position, row) is in `rows` (tracker-drums.ts), in play order. */
export function timesOfRows(patterns: Pattern[], rows: Set<string>): number[] {
  const out: number[] = [];
  for (const p of patterns) for (const r of p.rows) if (rows.has(`${p.pos}:${r.row}`)) out.push(r.t);
  return out;
}
