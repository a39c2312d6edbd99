import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, mix } from './contrast';
import { THEME_SURFACES } from './accent-plan';

/**
 * The text pairs of both themes (docs/accessibility.md), read from globals.css itself: the cheap
 * check of every token pair; the axe spec checks pages in the light theme only for a few pages.
 */
const css = readFileSync(path.join(__dirname, '../../app/globals.css'), 'utf8');

function tokens(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--color-([a-z-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

const dark = tokens(css.slice(css.indexOf('@theme'), css.indexOf('@layer base')));
const light = { ...dark, ...tokens(css.slice(css.indexOf('@media (prefers-color-scheme: light)'))) };
const TEXT = ['ink', 'muted', 'accent', 'ok', 'warn', 'danger'];
const SURFACES = ['bg', 'panel', 'panel-raised'];

describe.each([
  ['dark', dark],
  ['light', light],
] as const)('the %s palette', (name, palette) => {
  const ratio = (text: string, on: string) => contrastRatio(palette[text] ?? '', palette[on] ?? '');

  it('has every text colour at 4.5:1 on every surface', () => {
    for (const text of TEXT) for (const on of SURFACES) expect(ratio(text, on), `${text} on ${on}`).toBeGreaterThanOrEqual(4.5);
  });

  it('has readable ink on the accent and white on the ON AIR red', () => {
    expect(ratio('accent-ink', 'accent')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#ffffff', palette.onair ?? '')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#ffffff', palette['onair-hover'] ?? '')).toBeGreaterThanOrEqual(4.5);
  });

  it('matches the surfaces the accent is adjusted for', () => {
    expect(SURFACES.map((s) => palette[s])).toEqual(THEME_SURFACES[name].surfaces);
  });
});

it('the light palette: status colours also read on their own 15 % tint (badges)', () => {
  for (const text of ['accent', 'ok', 'warn', 'danger'])
    for (const on of SURFACES) {
      const c = light[text] ?? '';
      expect(contrastRatio(c, mix(light[on] ?? '', c, 0.15)), `${text} on its tint of ${on}`).toBeGreaterThanOrEqual(4.5);
    }
});
