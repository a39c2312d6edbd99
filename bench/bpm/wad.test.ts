import { describe, expect, it } from 'vitest';
import { wadMusic } from './wad';

function wad(lumps: [string, Buffer][]): Buffer {
  const header = Buffer.alloc(12);
  const body = Buffer.concat(lumps.map(([, b]) => b));
  header.write('IWAD', 0, 'latin1');
  header.writeInt32LE(lumps.length, 4);
  header.writeInt32LE(12 + body.length, 8);
  let at = 12;
  const dir = lumps.map(([name, b]) => {
    const e = Buffer.alloc(16);
    e.writeInt32LE(at, 0);
    e.writeInt32LE(b.length, 4);
    e.write(name, 8, 'latin1');
    at += b.length;
    return e;
  });
  return Buffer.concat([header, body, ...dir]);
}

describe('WAD music', () => {
  it('lists the D_ lumps that are MIDI files, in directory order, and skips MUS and other lumps', () => {
    const midi = Buffer.from('MThd\0\0\0\x06rest', 'latin1');
    const out = wadMusic(
      wad([
        ['D_E1M1', midi],
        ['PLAYPAL', Buffer.alloc(8)],
        ['D_MUS', Buffer.from('MUS\x1a....')],
        ['D_RUNNIN', midi],
      ]),
    );
    expect(out.map((l) => l.name)).toEqual(['D_E1M1', 'D_RUNNIN']);
    expect(out[0]?.bytes.equals(midi)).toBe(true);
  });

  it('refuses a file that is not a WAD', () => {
    expect(() => wadMusic(Buffer.from('RIFF0000WAVE'))).toThrow(/WAD/);
  });
});
