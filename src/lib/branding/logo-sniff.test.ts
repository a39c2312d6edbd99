import { describe, expect, it } from 'vitest';
import { isLogoType, sniffLogoType } from './logo-sniff';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('logo sniffing', () => {
  it('knows PNG, JPEG and WebP by their magic bytes', () => {
    expect(sniffLogoType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffLogoType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffLogoType(new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses SVG, GIF, HTML, a RIFF that is not WebP and short input', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(sniffLogoType(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffLogoType(text('GIF89a......'))).toBeNull();
    expect(sniffLogoType(text('<!doctype html><html>'))).toBeNull();
    expect(sniffLogoType(text('RIFF\x10\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(sniffLogoType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });

  it('accepts only the three raster types as a declared type', () => {
    expect(isLogoType('image/png')).toBe(true);
    expect(isLogoType('image/svg+xml')).toBe(false);
  });
});
