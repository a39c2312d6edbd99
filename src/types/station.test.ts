import { describe, expect, it } from 'vitest';
import { brandingAccents, brandingInputSchema } from './station';

describe('branding schema', () => {
  it('trims texts and lower-cases the accent', () => {
    expect(brandingInputSchema.parse({ name: '  Night FM ', tagline: ' Late. ', accent: '#1D4ED8' })).toEqual({
      name: 'Night FM',
      tagline: 'Late.',
      accent: '#1d4ed8',
    });
    expect(brandingInputSchema.parse({ name: 'A', tagline: '', accent: null }).accent).toBeNull();
  });

  it('refuses an empty or long name, a non-hex colour, a failing colour and unknown fields', () => {
    const bad = (v: object) => brandingInputSchema.safeParse({ name: 'A', tagline: '', accent: null, ...v });
    expect(bad({ name: ' ' }).success).toBe(false);
    expect(bad({ name: 'x'.repeat(41) }).success).toBe(false);
    expect(bad({ accent: 'red' }).success).toBe(false);
    expect(bad({ accent: '#fff' }).success).toBe(false);
    const mid = bad({ accent: '#7a7a7a' });
    expect(mid.success).toBe(false);
    expect(mid.error?.issues[0]?.message).toMatch(/fails WCAG AA/);
    expect(bad({ logo: 'x' }).success).toBe(false);
  });

  it('keeps the stylesheet palette without an accent', () => {
    expect(brandingAccents(null)).toBeNull();
    expect(brandingAccents('#f5a524')?.dark.accent).toBe('#f5a524');
  });
});
