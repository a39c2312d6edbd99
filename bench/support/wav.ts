import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, fail } from './env';

function sox(args: string[]): void {
  try {
    execFileSync('sox', ['--version'], { stdio: 'ignore' });
  } catch {
    fail('sox is not installed; it renders the fake-microphone WAVs (apt-get install sox)');
  }
  execFileSync('sox', args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Chromium's fake mic wants 48 kHz stereo 16-bit (see shared/notes/testing.md). */
const FORMAT = ['-r', '48000', '-c', '2', '-b', '16'];

function render(name: string, effects: string[], minBytes: number): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, name);
  sox(['-n', ...FORMAT, file, ...effects]);
  if (statSync(file).size < minBytes) fail(`sox wrote a suspiciously small file: ${file}`);
  return file;
}

export const CLICK_PERIOD_S = 1;

/**
 * A click train: a 5 ms, 2 kHz, -2 dBFS burst at the start of every second, silence between.
 * 40 s long; Chromium loops the file, so the period stays 1 s across the loop point.
 */
export function clickTrainWav(): string {
  const burst = 0.005;
  return render(
    'clicks-1s-48k-stereo.wav',
    ['synth', String(burst), 'sine', '2000', 'vol', '0.8', 'pad', '0', String(CLICK_PERIOD_S - burst), 'repeat', '39'],
    7_000_000,
  );
}

/** A steady -6 dBFS 1 kHz sine (10 s, a whole number of cycles, so the loop is seamless). */
export function toneWav(): string {
  return render('tone-1k-48k-stereo.wav', ['synth', '10', 'sine', '1000', 'vol', '0.5'], 1_000_000);
}
