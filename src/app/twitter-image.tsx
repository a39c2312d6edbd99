// The same card as opengraph-image (Next does not allow re-exporting a metadata route's config).
import { SHARE_CARD_SIZE, shareCardImage } from '@/components/share/share-card-image';
import { shareCardProps, stationCardAlt } from '@/server/share';
import { stationCardAltText } from '@/lib/share/card-text';
import { DEFAULT_BRANDING } from '@/types/station';

// The station's card for every page without its own (channel pages have theirs). Per request:
// the name and accent are the admin's (src/server/station), and so is the alt text.
export const dynamic = 'force-dynamic';

export async function generateImageMetadata() {
  // Next also calls this at build time for the route's ids, without a database: the id is all it
  // uses then. Pages' metadata calls it per request, with the alt text as set now.
  const alt = await stationCardAlt().catch(() => stationCardAltText(DEFAULT_BRANDING));
  return [{ id: 'station', alt, size: SHARE_CARD_SIZE, contentType: 'image/png' }];
}

export default async function Image() {
  return shareCardImage(await shareCardProps());
}
