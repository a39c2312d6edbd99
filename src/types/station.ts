import { checkAccent, themeAccent, type AccentPair } from '@/lib/branding/accent-plan';
import { z } from './zod';

/** Today's look: what a station shows until an admin changes it (and after a reset). */
export const DEFAULT_BRANDING = {
  name: 'Live Radio',
  tagline: 'Live DJ sets on every channel, straight from the booth.',
} as const;

/** The accent is checked here, so the API's 400 names the contrast it reached. */
const accentSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Accent colour must be a hex colour like #f5a524')
  .transform((hex) => hex.toLowerCase())
  .superRefine((hex, ctx) => {
    const check = checkAccent(hex);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
  });

/** PUT /api/admin/station: the whole set of texts and the accent (null: the default amber). */
export const brandingInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Station name is required').max(40, 'Station name must be at most 40 characters'),
  tagline: z.string().trim().max(120, 'Tagline must be at most 120 characters'),
  accent: accentSchema.nullable(),
});
export type BrandingInput = z.input<typeof brandingInputSchema>;

/** The station's look as pages receive it. */
export type Branding = {
  name: string;
  tagline: string;
  accent: string | null;
  /** Path of the uploaded logo (versioned, so caches refresh after a change), or null. */
  logoUrl: string | null;
};

export const defaultBranding = (): Branding => ({ ...DEFAULT_BRANDING, accent: null, logoUrl: null });

/** The accent per theme: null keeps the stylesheet's own palette. */
export function brandingAccents(accent: string | null): { dark: AccentPair; light: AccentPair } | null {
  return accent ? { dark: themeAccent(accent, 'dark'), light: themeAccent(accent, 'light') } : null;
}
