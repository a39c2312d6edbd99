import { describe, expect, it } from 'vitest';
import { packIco } from './ico';

describe('packIco', () => {
  it('writes the icon directory and points each entry at its PNG', () => {
    const a = Buffer.from('png-a');
    const b = Buffer.from('png-bb');
    const ico = packIco([
      { size: 16, png: a },
      { size: 256, png: b },
    ]);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(2);
    expect(ico.readUInt8(6)).toBe(16);
    expect(ico.readUInt8(6 + 16)).toBe(0); // 256 is written as 0
    const first = ico.readUInt32LE(6 + 12);
    expect(ico.subarray(first, first + ico.readUInt32LE(6 + 8)).toString()).toBe('png-a');
    const second = ico.readUInt32LE(6 + 16 + 12);
    expect(ico.subarray(second).toString()).toBe('png-bb');
  });

  it('refuses sizes an icon entry cannot hold', () => {
    expect(() => packIco([{ size: 512, png: Buffer.alloc(1) }])).toThrow(/512/);
  });
});
