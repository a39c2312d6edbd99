import { describe, expect, it } from 'vitest';
import type { MidiFacts } from './midi-read';
import { isMusClock, midiLabel, midiStretches } from './real-midi';

const facts = (tempos: [number, number][], meters: [number, number, number][] = []): MidiFacts => ({
  ppq: 96,
  tempos: tempos.map(([tick, bpm]) => ({ tick, usPerQuarter: 6e7 / bpm })),
  meters: meters.map(([tick, numerator, denominator]) => ({ tick, numerator, denominator })),
  drumTicks: [],
  endTick: 96 * 400,
});

describe('MIDI labels of the real set', () => {
  it('takes the last tempo and meter set at tick 0, and the dotted quarter in 6/8', () => {
    const l = midiLabel(
      facts(
        [
          [0, 140],
          [0, 120],
        ],
        [
          [0, 4, 4],
          [0, 6, 8],
        ],
      ),
    );
    expect(l.quarterBpm).toBeCloseTo(120, 6);
    expect(l.bpm).toBe(80);
    expect(l.meter).toBe('6/8');
    expect(l.length).toBe(40);
  });

  it('ends the excerpt where the tempo changes, and moves a slow quarter into (60, 200]', () => {
    // 30 BPM: a quarter lasts 2 s; the change at quarter 12 is at 24 s.
    const l = midiLabel(
      facts([
        [0, 30],
        [96 * 12, 40],
      ]),
    );
    expect(l.length).toBeCloseTo(24, 6);
    // A file that ends first: its end.
    expect(midiLabel({ ...facts([[0, 120]]), endTick: 96 * 30 }).length).toBeCloseTo(15, 6);
    expect(l.bpm).toBe(60 * 2);
  });

  it('needs a drum note per bar for a beat, and makes a drumless start over 3 s a no-beat stretch', () => {
    const label = midiLabel(facts([[0, 120]]));
    // 120 BPM: a bar of four quarters is 2 s; 10 notes from 5 s over 40 s is under one per bar.
    const sparse = Array.from({ length: 10 }, (_, k) => 5 + k);
    expect(midiStretches(sparse, 40, label)).toEqual({ drumsAt: null, stretches: [{ start: 0, end: 40, bpm: null }] });
    const late = Array.from({ length: 40 }, (_, k) => 5.04 + k * 0.5);
    expect(midiStretches(late, 40, label)).toEqual({
      drumsAt: 5,
      stretches: [
        { start: 0, end: 5.04, bpm: null },
        { start: 5.04, end: 40, bpm: 120 },
      ],
    });
    const early = Array.from({ length: 40 }, (_, k) => 1.26 + k * 0.5);
    expect(midiStretches(early, 40, label)).toEqual({ drumsAt: 1.3, stretches: [{ start: 0, end: 40, bpm: 120 }] });
    expect(midiStretches([], 40, label)?.drumsAt).toBeNull();
    // Drums 9 s before the end: under MIN_BEAT of beat, no piece.
    expect(
      midiStretches(
        Array.from({ length: 20 }, (_, k) => 31 + k * 0.45),
        40,
        label,
      ),
    ).toBeNull();
  });

  it("knows mus2mid's clock (89 ticks per quarter at 631,578 us), which is no tempo", () => {
    expect(isMusClock({ ppq: 89, tempos: [{ tick: 0, usPerQuarter: 631_578 }] })).toBe(true);
    expect(isMusClock({ ppq: 96, tempos: [{ tick: 0, usPerQuarter: 631_578 }] })).toBe(false);
    expect(isMusClock({ ppq: 89, tempos: [{ tick: 0, usPerQuarter: 500_000 }] })).toBe(false);
  });
});
