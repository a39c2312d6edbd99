/**
 * WCAG 2.2 contrast (relative luminance, https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio):
 * used to check the station's accent colour and to derive its text colours per theme.
 */

const HEX = /^#[0-9a-f]{6}$/i;

export const isHexColour = (value: string): boolean => HEX.test(value);

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: number[]): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Rounds down, so a ratio shown as 4.5 really is at least 4.5. */
export const formatRatio = (ratio: number): string => `${Math.floor(ratio * 10) / 10}:1`;

/** Mixes `hex` toward `target` by `amount` (0..1), in sRGB like CSS color-mix. */
export function mix(hex: string, target: string, amount: number): string {
  const a = channels(hex);
  const b = channels(target);
  return toHex(a.map((c, i) => c + ((b[i] ?? 0) - c) * amount));
}
