/** The music of a Doom WAD (Freedoom): its D_* lumps that are Standard MIDI Files, for the real set's MIDI path. */

export type WadLump = { name: string; bytes: Buffer };

/** Music lumps in directory order; MUS-format lumps (Doom's own) are left out, Freedoom ships MIDI. */
export function wadMusic(wad: Buffer): WadLump[] {
  const ident = wad.subarray(0, 4).toString('latin1');
  if (ident !== 'IWAD' && ident !== 'PWAD') throw new Error('not a WAD file');
  const count = wad.readInt32LE(4);
  const directory = wad.readInt32LE(8);
  const out: WadLump[] = [];
  for (let i = 0; i < count; i++) {
    const at = directory + 16 * i;
    const offset = wad.readInt32LE(at);
    const size = wad.readInt32LE(at + 4);
    const name = wad
      .subarray(at + 8, at + 16)
      .toString('latin1')
      .replace(/\0.*$/s, '');
    const bytes = wad.subarray(offset, offset + size);
    if (name.startsWith('D_') && bytes.subarray(0, 4).toString('latin1') === 'MThd') out.push({ name, bytes });
  }
  return out;
}
