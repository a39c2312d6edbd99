import { describe, expect, it } from 'vitest';
import { readHydrogenSong, repeatSequence } from './hydrogen';

const pattern = (name: string, size: number, denominator = 4) =>
  `<pattern><name>${name}</name><info></info><size>${size}</size><denominator>${denominator}</denominator><noteList/></pattern>`;
const song = (patterns: string, groups: string[][], extra = '') =>
  `<song><bpm>98</bpm><loopEnabled>true</loopEnabled><swing_factor>0.44</swing_factor>${extra}<patternList>${patterns}</patternList>` +
  `<patternSequence>${groups.map((g) => `<group>${g.map((id) => `<patternID>${id}</patternID>`).join('')}</group>`).join('')}</patternSequence></song>`;

describe('Hydrogen songs', () => {
  it('reads the tempo, swing, loop and the length of one pass (a group lasts as long as its longest pattern)', () => {
    const s = readHydrogenSong(song(pattern('A', 192) + pattern('B', 96) + pattern('C', 384), [['A'], ['A', 'B'], ['C', 'B']]));
    expect(s).toEqual({ bpm: 98, swing: 0.44, loop: true, quarters: 16, denominators: [4], tempoMarkers: 0 });
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
