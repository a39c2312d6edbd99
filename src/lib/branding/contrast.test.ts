import { describe, expect, it } from 'vitest';
import { checkAccent, INK_DARK, INK_LIGHT, inkFor, themeAccent, THEME_SURFACES } from './accent-plan';
import { contrastRatio, formatRatio, isHexColour, luminance, mix } from './contrast';

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The pair the a11y docs list: white on onair #d42a2a is 5.0:1.
    expect(formatRatio(contrastRatio('#ffffff', '#d42a2a'))).toBe('5:1');
    expect(luminance('#808080')).toBeCloseTo(0.2159, 3);
  });

  it('knows a hex colour and mixes toward another', () => {
    expect(isHexColour('#F5a524')).toBe(true);
    expect(isHexColour('f5a524')).toBe(false);
    expect(isHexColour('#fff')).toBe(false);
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
  });
});

describe('accent check', () => {
  it('accepts the default amber with dark ink', () => {
    expect(checkAccent('#f5a524')).toMatchObject({ ok: true, ink: INK_DARK });
    expect(inkFor('#1d4ed8').ink).toBe(INK_LIGHT);
  });

  it('refuses a mid-tone no text reads on, naming the ratio it reached', () => {
    const check = checkAccent('#7A7A7A');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/#7a7a7a fails WCAG AA: text on it reaches at most 4\.\d:1 .* needs 4\.5:1/);
  });

  it('adjusts the accent per theme so it reads as text on every surface, keeping a good one as is', () => {
    for (const hex of ['#f5a524', '#1d4ed8', '#22c55e', '#ff00ff', '#101010', '#fefefe']) {
      for (const theme of ['dark', 'light'] as const) {
        const { accent, ink } = themeAccent(hex, theme);
        for (const s of THEME_SURFACES[theme].surfaces) {
          expect(contrastRatio(accent, s), `${hex} ${theme} on ${s}`).toBeGreaterThanOrEqual(4.5);
          expect(contrastRatio(accent, mix(s, accent, 0.15)), `${hex} ${theme} on its tint of ${s}`).toBeGreaterThanOrEqual(4.5);
        }
        expect(contrastRatio(accent, ink), `${hex} ${theme} ink`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(themeAccent('#f5a524', 'dark').accent).toBe('#f5a524');
    expect(themeAccent('#f5a524', 'light').accent).not.toBe('#f5a524');
  });
});
