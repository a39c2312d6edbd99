import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM, TONE_HZ, TONE_WAV } from './paths';

function fail(message: string): never {
  throw new Error(`[e2e setup] ${message}`);
}

/** Checks the tools the suite depends on and renders the fake-microphone WAV. */
export default function globalSetup(): void {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    fail(`${CHROMIUM} is missing or not executable. Install Debian's chromium (apt-get install chromium).`);
  }
  try {
    execFileSync('sox', ['--version'], { stdio: 'ignore' });
  } catch {
    fail('sox is not installed; it generates the test tone (apt-get install sox).');
  }
  if (!process.env.APP_URL) {
    fail('APP_URL is not set. Run the suite through the harness: npm run test:e2e');
  }

  mkdirSync(path.dirname(TONE_WAV), { recursive: true });
  // 48 kHz stereo 16-bit, -6 dBFS sine; Chromium loops the file, so 10 s is plenty.
  // Written aside and renamed: another Playwright run (make test's TLS lane) may have Chromium
  // reading this file as its microphone right now.
  const partial = `${TONE_WAV}.${process.pid}.partial.wav`;
  execFileSync('sox', ['-n', '-r', '48000', '-c', '2', '-b', '16', partial, 'synth', '10', 'sine', String(TONE_HZ), 'vol', '0.5']);
  if (statSync(partial).size < 1_000_000) fail(`sox wrote a suspiciously small file: ${partial}`);
  renameSync(partial, TONE_WAV);
}
