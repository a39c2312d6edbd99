import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
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

/** Writes 48 kHz stereo 16-bit PCM as a WAV file. */
function writeWav(name: string, samples: Int16Array): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, name);
  const header = Buffer.alloc(44);
  const bytes = samples.length * 2;
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + bytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(48_000, 24);
  header.writeUInt32LE(48_000 * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(bytes, 40);
  writeFileSync(file, Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, bytes)]));
  return file;
}

/**
 * Clicks at the given times (s) in a file `lengthS` long: 5 ms, 2 kHz, -2 dBFS bursts.
 * Chromium loops the file, so the pattern repeats every `lengthS`.
 */
export function patternClickWav(times: readonly number[], lengthS: number): string {
  const rate = 48_000;
  const samples = new Int16Array(Math.round(lengthS * rate) * 2);
  const burst = Math.round(0.005 * rate);
  for (const t of times) {
    const start = Math.round(t * rate);
    for (let i = 0; i < burst && start + i < samples.length / 2; i++) {
      const v = Math.round(Math.sin((2 * Math.PI * 2000 * i) / rate) * 0.8 * 32767);
      samples[2 * (start + i)] = v;
      samples[2 * (start + i) + 1] = v;
    }
  }
  return writeWav(`pattern-clicks-${times.length}-${lengthS}s.wav`, samples);
}
