import type { Metadata } from 'next';
import { DEFAULT_BRANDING } from '@/types/station';

export type PageMeta = {
  /** The page's own title (the layout's template adds the station name). */
  title?: string;
  description?: string;
  /** Path of the page (og:url, canonical); absolute through the layout's metadataBase (APP_URL). */
  path?: string;
};

/**
 * A page's title, description, Open Graph and Twitter card. The card images come from the
 * nearest `opengraph-image` / `twitter-image` file route (the station's, or a channel's own).
 */
export function pageMetadata({ title, description, path }: PageMeta, site: { name: string; tagline: string } = DEFAULT_BRANDING): Metadata {
  const shown = title ? `${title} · ${site.name}` : site.name;
  description ||= site.tagline || undefined;
  return {
    ...(title ? { title } : {}),
    description,
    ...(path ? { alternates: { canonical: path } } : {}),
    openGraph: { type: 'website', siteName: site.name, title: shown, description, ...(path ? { url: path } : {}), locale: 'en' },
    twitter: { card: 'summary_large_image', title: shown, description },
  };
}
