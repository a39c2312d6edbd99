import { SHARE_CARD_SIZE, shareCardImage } from '@/components/share/share-card-image';
import { SITE_DESCRIPTION, SITE_NAME } from '@/lib/share/card-text';

// The station's card for every page without its own (channel pages have theirs).
export const alt = `${SITE_NAME}: ${SITE_DESCRIPTION}`;
export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';

export default function Image() {
  return shareCardImage({ title: SITE_NAME, detail: SITE_DESCRIPTION });
}
