import { SHARE_CARD_SIZE, shareCardImage } from '@/components/share/share-card-image';
import { shareCardProps } from '@/server/share';

// The same card as opengraph-image (Next does not allow re-exporting a metadata route's config).
// Drawn per request: the card shows whether the channel is on air now.
export const dynamic = 'force-dynamic';
export const alt = 'The channel, and whether it is on air';
export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  return shareCardImage(await shareCardProps((await params).slug));
}
