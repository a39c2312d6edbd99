import { themeAccent } from './accent-plan';
import { isHexColour } from './contrast';

/**
 * The stylesheet that puts the admin's accent over the theme's (--color-accent and its ink, per
 * colour scheme, adjusted to read as text on each theme's surfaces). Unlayered, so it wins over
 * globals.css's layered tokens; '' keeps those. Only a checked hex gets in: no CSS injection.
 */
export function accentCss(accent: string | null): string {
  if (!accent || !isHexColour(accent)) return '';
  const vars = (theme: 'dark' | 'light') => {
    const { accent: fill, ink } = themeAccent(accent, theme);
    return `:root{--color-accent:${fill};--color-accent-ink:${ink}}`;
  };
  return `${vars('dark')}@media (prefers-color-scheme: light){${vars('light')}}`;
}
