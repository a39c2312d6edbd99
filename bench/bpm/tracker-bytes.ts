/** Little-endian reads for the module readers (mod-read.ts, xm-read.ts, it-read.ts, s3m-read.ts): 0 past the end of the file. */
export const u8 = (b: Uint8Array, o: number) => b[o] ?? 0;
export const u16 = (b: Uint8Array, o: number) => u8(b, o) | (u8(b, o + 1) << 8);
export const u32 = (b: Uint8Array, o: number) => (u16(b, o) + u16(b, o + 2) * 65536) >>> 0;
export const text = (b: Uint8Array, o: number, n: number) => String.fromCharCode(...b.subarray(o, o + n));
