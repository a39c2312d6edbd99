import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fourOnFloor, render } from '../../src/lib/bpm/synth.test-support';
import { encodeWav } from '../../src/lib/wav';

/**
 * The BPM e2e's drum loop (kick, snare on 2 and 4, off-beat hats), as a 48 kHz stereo 16-bit
 * WAV of 64 beats exactly, so a player looping it keeps the beat grid. Returns its path.
 */
export function drumLoopWav(tempo: number, dir = path.resolve(__dirname, '..', '..', '.local', 'obs')): string {
  const sampleRate = 48_000;
  const seconds = (64 * 60) / tempo;
  const file = path.join(dir, `drums-${tempo}bpm-stereo-48k.wav`);
  mkdirSync(dir, { recursive: true });
  const mono = render(fourOnFloor(tempo, 0, seconds), seconds, sampleRate);
  // Written aside and renamed: a suite in another lane may be pushing this very file with ffmpeg.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, encodeWav([mono, mono], sampleRate, 16));
  renameSync(partial, file);
  return file;
}
