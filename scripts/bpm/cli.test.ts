import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { beats, render } from '../../src/lib/bpm/synth.test-support';
import { encodeWav } from '../../src/lib/wav';

const root = path.resolve(__dirname, '..', '..');
const dir = path.join(root, '.local', 'test', 'bpm-cli');
const file = (name: string) => path.join(dir, name);

function bpm(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/bpm/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = r.stdout.trim().split('\n');
  return { code: r.status, stderr: r.stderr, last: lines.at(-1) ?? '' };
}

const clicks = (tempo: number, seconds: number, rate: number) =>
  render(
    beats(tempo, 0.05, seconds).map((time) => ({ time, kind: 'click' as const })),
    seconds,
    rate,
  );

const SPEECH =
  'Good evening and welcome to the late night session. Tonight we have a very special guest joining us from Berlin, ' +
  'who will be playing a three hour set of deep house and techno. Before we start, a few announcements about next ' +
  "week's schedule and the new channel that opens on Friday. Thanks to everyone who sent messages during the last show.";

describe('npm run bpm', { timeout: 60_000 }, () => {
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    const a = clicks(128, 10, 48_000);
    writeFileSync(file('128-stereo-48k-16.wav'), encodeWav([a, a], 48_000, 16));
    writeFileSync(file('100-mono-44k-24.wav'), encodeWav([clicks(100, 10, 44_100)], 44_100, 24));
    writeFileSync(file('140-stereo-22k-float.wav'), encodeWav([clicks(140, 10, 22_050), clicks(140, 10, 22_050)], 22_050, 32, true));
    writeFileSync(file('silence.wav'), encodeWav([new Float32Array(48_000 * 5)], 48_000, 16));
    writeFileSync(file('text.wav'), 'definitely not audio');
    writeFileSync(file('truncated.wav'), encodeWav([a], 48_000, 16).slice(0, 40));
    // Speech from Debian's espeak-ng (scripts/setup.sh installs it): a voice-over, not a beat.
    execFileSync('espeak-ng', ['-w', file('speech.wav'), '-s', '160', SPEECH]);
  });

  it.each([
    ['128-stereo-48k-16.wav', 128, 48_000, 2, '16-bit pcm'],
    ['100-mono-44k-24.wav', 100, 44_100, 1, '24-bit pcm'],
    ['140-stereo-22k-float.wav', 140, 22_050, 2, '32-bit float'],
  ])('%s: JSON with the tempo on the last line', (name, tempo, sampleRate, channels, encoding) => {
    const r = bpm(file(name));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.last) as { bpm: number; sampleRate: number; channels: number; encoding: string };
    expect(Math.abs(out.bpm - tempo)).toBeLessThan(0.5);
    expect(out).toMatchObject({ sampleRate, channels, encoding });
    expect(out).not.toHaveProperty('updates');
  });

  it('--realtime adds the timestamped estimate over time', () => {
    const r = bpm(file('128-stereo-48k-16.wav'), '--realtime');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.last) as { bpm: number; updates: { t: number; bpm: number | null; confidence: number }[] };
    expect(out.updates.length).toBeGreaterThan(40);
    const times = out.updates.map((u) => u.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(out.updates.at(-1)?.t).toBeLessThanOrEqual(10);
    const late = out.updates.filter((u) => u.t > 5);
    expect(late.every((u) => u.bpm !== null && Math.abs(u.bpm - 128) < 0.5)).toBe(true);
  });

  it('speech is "no beat" throughout', () => {
    const r = bpm(file('speech.wav'), '--realtime');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.last) as { bpm: number | null; duration: number; updates: { bpm: number | null }[] };
    expect(out.duration).toBeGreaterThan(10);
    expect(out.bpm).toBeNull();
    expect(out.updates.every((u) => u.bpm === null)).toBe(true);
  });

  it('silence gives bpm null', () => {
    const r = bpm(file('silence.wav'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.last)).toMatchObject({ bpm: null, beatAtEnd: false });
  });

  it.each([
    ['text.wav', /not a WAV file/],
    ['truncated.wav', /no data chunk|no audio|truncated/],
    ['missing.wav', /cannot read .*missing\.wav \(ENOENT\)/],
  ])('%s: clear error and non-zero exit', (name, message) => {
    const r = bpm(file(name));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  it('usage errors exit 2', () => {
    expect(bpm().code).toBe(2);
    expect(bpm(file('silence.wav'), '--range', '1-2').stderr).toMatch(/--range must be one of/);
  });
});
