import { describe, expect, it } from 'vitest';
import { LevelMemory } from './level';
import { STEPS_PER_OCTAVE } from './tracker';

const SIZE = 300;
const flatPrior = new Float64Array(SIZE);

/** Evidence with one peak of `height` at each given grid index. */
function evidence(peaks: [number, number][]): Float64Array {
  const e = new Float64Array(SIZE).fill(0.01);
  for (const [i, h] of peaks) e[i] = h;
  return e;
}

describe('LevelMemory', () => {
  const slow = 60;
  const fast = slow + STEPS_PER_OCTAVE;

  it('keeps the level that held longer when the tracker flips to a relative', () => {
    const m = new LevelMemory(SIZE, 100);
    for (let k = 0; k < 50; k++)
      expect(
        m.choose(
          fast,
          evidence([
            [fast, 0.3],
            [slow, 0.1],
          ]),
          flatPrior,
          0,
          SIZE - 1,
        ),
      ).toBe(fast);
    // The arrangement changes: the half tempo is stronger for a while, and the tracker follows it.
    for (let k = 0; k < 20; k++)
      expect(
        m.choose(
          slow,
          evidence([
            [fast, 0.1],
            [slow, 0.2],
          ]),
          flatPrior,
          0,
          SIZE - 1,
        ),
      ).toBe(fast);
  });

  it('starts over on an unrelated tempo (a new track)', () => {
    const m = new LevelMemory(SIZE, 100);
    for (let k = 0; k < 50; k++) m.choose(fast, evidence([[fast, 0.3]]), flatPrior, 0, SIZE - 1);
    const other = slow + 20;
    expect(m.choose(other, evidence([[other, 0.3]]), flatPrior, 0, SIZE - 1)).toBe(other);
  });

  it('does nothing with no memory', () => {
    const m = new LevelMemory(SIZE, 0);
    expect(
      m.choose(
        slow,
        evidence([
          [fast, 0.9],
          [slow, 0.1],
        ]),
        flatPrior,
        0,
        SIZE - 1,
      ),
    ).toBe(slow);
  });

  describe('with plain evidence (the lattice first)', () => {
    const tempo = 50;
    const fourThirds = tempo + Math.round(Math.log2(4 / 3) * STEPS_PER_OCTAVE);
    const double = tempo + STEPS_PER_OCTAVE;
    // The between term has pushed the tempo under its 4:3 relative; without it the tempo's lattice is stronger.
    const withBetween = evidence([
      [tempo, 0.2],
      [fourThirds, 0.3],
      [double, 0.25],
    ]);
    const plain = evidence([
      [tempo, 0.4],
      [fourThirds, 0.3],
      [double, 0.25],
    ]);

    it('chooses the lattice on the plain evidence and the octave inside it on the evidence', () => {
      const m = new LevelMemory(SIZE, 100);
      for (let k = 0; k < 10; k++) expect(m.choose(fourThirds, withBetween, flatPrior, 0, SIZE - 1, plain)).toBe(double);
    });

    it('chooses on the evidence alone without it', () => {
      const m = new LevelMemory(SIZE, 100);
      expect(m.choose(fourThirds, withBetween, flatPrior, 0, SIZE - 1)).toBe(fourThirds);
    });

    it('keeps a lattice the plain evidence prefers even when another holds the best single member', () => {
      const m = new LevelMemory(SIZE, 100);
      const strongThird = evidence([
        [tempo, 0.2],
        [fourThirds, 0.3],
      ]);
      const plainThird = evidence([
        [tempo, 0.2],
        [fourThirds, 0.5],
      ]);
      expect(m.choose(tempo, strongThird, flatPrior, 0, SIZE - 1, plainThird)).toBe(fourThirds);
    });
  });
});
