import { contrastRatio, formatRatio, mix } from './contrast';

/** WCAG 2.2 AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** Text on an accent fill (buttons, the logo tile, selection): dark or light, whichever reads better. */
export const INK_DARK = '#111111';
export const INK_LIGHT = '#ffffff';

/** Each theme's surfaces on which the accent is also text (links, the 404 line, selected pills). */
export const THEME_SURFACES = {
  dark: { toward: '#ffffff', surfaces: ['#0b0c0f', '#14161b', '#1b1e25'] },
  light: { toward: '#000000', surfaces: ['#f6f5f1', '#ffffff', '#eeece6'] },
} as const;
export type ThemeName = keyof typeof THEME_SURFACES;

export type AccentPair = { accent: string; ink: string };
export type AccentCheck = { ok: true; ink: string; ratio: number } | { ok: false; message: string };

/** The ink for a fill and its contrast. */
export function inkFor(fill: string): { ink: string; ratio: number } {
  const dark = contrastRatio(fill, INK_DARK);
  const light = contrastRatio(fill, INK_LIGHT);
  return dark >= light ? { ink: INK_DARK, ratio: dark } : { ink: INK_LIGHT, ratio: light };
}

/**
 * An accent is refused when no text on it reaches 4.5:1: mid-tones (relative luminance about
 * 0.18 to 0.20) are too light for white text and too dark for black.
 */
export function checkAccent(hex: string): AccentCheck {
  const { ink, ratio } = inkFor(hex);
  if (ratio >= MIN_TEXT_CONTRAST) return { ok: true, ink, ratio };
  return {
    ok: false,
    message:
      `Accent colour ${hex.toLowerCase()} fails WCAG AA: text on it reaches at most ${formatRatio(ratio)} ` +
      `(dark or white text) and needs ${MIN_TEXT_CONTRAST}:1. Pick a lighter or darker shade.`,
  };
}

/**
 * The accent as a theme uses it: the admin's colour where it reads as text on all of the theme's
 * surfaces, else moved toward white (dark theme) or black (light theme) just far enough. Its ink
 * is chosen again for the adjusted fill (always reaches 4.5:1: a fill that reads on those
 * surfaces is clear of the mid-tone band).
 */
export function themeAccent(hex: string, theme: ThemeName): AccentPair {
  const { toward, surfaces } = THEME_SURFACES[theme];
  // Also on its own 15 % tint of each surface (the accent badge: text-accent on bg-accent/15).
  const readable = (c: string) =>
    surfaces.every((s) => contrastRatio(c, s) >= MIN_TEXT_CONTRAST && contrastRatio(c, mix(s, c, 0.15)) >= MIN_TEXT_CONTRAST);
  let accent = hex.toLowerCase();
  for (let step = 1; step <= 20 && !readable(accent); step++) accent = mix(hex, toward, step / 20);
  return { accent, ink: inkFor(accent).ink };
}
