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
});
