import { describe, expect, it } from 'vitest';
import { accentCss } from './accent-css';

describe('accentCss', () => {
  it('keeps the stylesheet palette without an accent', () => {
    expect(accentCss(null)).toBe('');
  });

  it('sets the accent and its ink for both schemes, adjusted for the light one', () => {
    const css = accentCss('#f5a524');
    expect(css).toMatch(/^:root\{--color-accent:#f5a524;--color-accent-ink:#111111\}/);
    expect(css).toMatch(/@media \(prefers-color-scheme: light\)\{:root\{--color-accent:#[0-9a-f]{6};--color-accent-ink:#ffffff\}\}$/);
  });

  it('lets nothing but a hex colour into the stylesheet', () => {
    expect(accentCss('red;}body{display:none')).toBe('');
  });
});
