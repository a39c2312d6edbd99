import { SHARE_CARD_SIZE, shareCardImage } from '@/components/share/share-card-image';
import { SITE_DESCRIPTION, SITE_NAME } from '@/lib/share/card-text';

// The same card as opengraph-image (Next does not allow re-exporting a metadata route's config).
export const alt = `${SITE_NAME}: ${SITE_DESCRIPTION}`;
export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';

export default function Image() {
  return shareCardImage({ title: SITE_NAME, detail: SITE_DESCRIPTION });
}
