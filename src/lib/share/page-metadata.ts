import type { Metadata } from 'next';
import { SITE_DESCRIPTION, SITE_NAME } from './card-text';

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
export function pageMetadata({ title, description = SITE_DESCRIPTION, path }: PageMeta): Metadata {
  const shown = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  return {
    ...(title ? { title } : {}),
    description,
    ...(path ? { alternates: { canonical: path } } : {}),
    openGraph: { type: 'website', siteName: SITE_NAME, title: shown, description, ...(path ? { url: path } : {}), locale: 'en' },
    twitter: { card: 'summary_large_image', title: shown, description },
  };
}
