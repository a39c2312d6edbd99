import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps same-site paths', () => {
    expect(safeNextPath('/admin')).toBe('/admin');
    expect(safeNextPath('/dj/main?x=1')).toBe('/dj/main?x=1');
  });

  it('refuses anything that could leave the site', () => {
    expect(safeNextPath('https://evil.example')).toBe('/dj');
    expect(safeNextPath('//evil.example')).toBe('/dj');
    expect(safeNextPath('/\\evil.example')).toBe('/dj');
    expect(safeNextPath(undefined, '/admin')).toBe('/admin');
    expect(safeNextPath(['/a'])).toBe('/dj');
  });

  it('refuses control characters, which browsers strip (/\\t/evil.example becomes //evil.example)', () => {
    for (const bad of [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '\t//evil.example',
      '/\u0000/x',
      '/x\u007f',
      '/\\\tevil.example',
    ]) {
      expect(safeNextPath(bad), JSON.stringify(bad)).toBe('/dj');
    }
  });

  it('normalises what it keeps to a path on this site', () => {
    expect(safeNextPath('/a/../admin')).toBe('/admin');
    expect(safeNextPath('/dj/x#part')).toBe('/dj/x#part');
    expect(safeNextPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
    expect(safeNextPath('/ok path')).toBe('/ok%20path');
    expect(safeNextPath('https:/evil.example')).toBe('/dj');
    expect(safeNextPath('/'.padEnd(3000, 'a'))).toBe('/dj');
  });
});
