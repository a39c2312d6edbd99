// The same card as opengraph-image (Next does not allow re-exporting a metadata route's config).
import { connection } from 'next/server';
import { SHARE_CARD_SIZE, shareCardImage } from '@/components/share/share-card-image';
import { shareCardProps, stationCardAlt } from '@/server/share';

// The station's card for every page without its own (channel pages have theirs). Per request:
// the name and accent are the admin's (src/server/station), and so is the alt text.
export const dynamic = 'force-dynamic';

export async function generateImageMetadata() {
  await connection();
  return [{ id: 'station', alt: await stationCardAlt(), size: SHARE_CARD_SIZE, contentType: 'image/png' }];
}

export default async function Image() {
  return shareCardImage(await shareCardProps());
}
