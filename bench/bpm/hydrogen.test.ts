import { describe, expect, it } from 'vitest';
import { readHydrogenSong, repeatSequence } from './hydrogen';

const pattern = (name: string, size: number, denominator = 4, positions: number[] = [0]) =>
  `<pattern><name>${name}</name><info></info><size>${size}</size><denominator>${denominator}</denominator><noteList>` +
  `${positions.map((p) => `<note><position>${p}</position><instrument>0</instrument></note>`).join('')}</noteList></pattern>`;
const song = (patterns: string, groups: string[][], extra = '') =>
  `<song><bpm>98</bpm><loopEnabled>true</loopEnabled><swing_factor>0.44</swing_factor>${extra}<patternList>${patterns}</patternList>` +
  `<patternSequence>${groups.map((g) => `<group>${g.map((id) => `<patternID>${id}</patternID>`).join('')}</group>`).join('')}</patternSequence></song>`;

describe('Hydrogen songs', () => {
  it('reads the tempo, swing, loop, the length of one pass (a group lasts as long as its longest pattern) and its last note', () => {
    const s = readHydrogenSong(
      song(pattern('A', 192, 4, [0, 96, 144]) + pattern('B', 96, 4, [24]) + pattern('C', 384) + pattern('end', 192, 4, [0]), [
        ['A'],
        ['A', 'B'],
        ['C', 'B'],
        ['end'],
      ]),
    );
    expect(s).toEqual({ bpm: 98, swing: 0.44, loop: true, quarters: 20, lastNote: 16, denominators: [4], tempoMarkers: 0 });
    // An empty last pattern: the last note is the one before it.
    const quiet = readHydrogenSong(song(pattern('A', 192, 4, [0, 144]) + pattern('rest', 192, 4, []), [['A'], ['rest']]));
    expect(quiet.lastNote).toBe(3);
  });

  it('reports other meters and tempo markers, and refuses a song without a tempo', () => {
    const s = readHydrogenSong(
      song(pattern('A', 144, 8), [['A']], '<timeline><tempoMarker><bar>2</bar><bpm>120</bpm></tempoMarker></timeline>'),
    );
    expect(s.denominators).toEqual([8]);
    expect(s.tempoMarkers).toBe(1);
    expect(() => readHydrogenSong('<song><patternList/></song>')).toThrow(/bpm/);
  });

  it('repeats the pattern sequence as a looping song plays it', () => {
    const xml = song(pattern('A', 192), [['A']]);
    expect(readHydrogenSong(repeatSequence(xml, 3)).quarters).toBe(12);
  });
});
