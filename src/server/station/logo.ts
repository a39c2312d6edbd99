import 'server-only';
import { isLogoType, LOGO_MAX_BYTES, LOGO_TYPES, sniffLogoType, type LogoType } from '@/lib/branding/logo-sniff';
import { HttpError, mediaType, readBodyBytes } from '../http';

const LABEL: Record<LogoType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };
const refused = (message: string) => new HttpError(415, 'unsupported_media_type', message);

/**
 * Reads a logo upload (the raw file as the body): 415 unless sent as PNG, JPEG or WebP, 413 past
 * 256 KB (before and while reading), and 415 again unless its magic bytes are that very type, so
 * an SVG or HTML file renamed or sent with an image type is never stored.
 */
export async function readLogoUpload(req: Request): Promise<{ bytes: Uint8Array<ArrayBuffer>; type: LogoType }> {
  const declared = mediaType(req);
  if (!isLogoType(declared))
    throw refused(`The logo must be a PNG, JPEG or WebP image (sent as ${LOGO_TYPES.join(', ')}); SVG is not accepted.`);
  const bytes = await readBodyBytes(req, LOGO_MAX_BYTES);
  const sniffed = sniffLogoType(bytes);
  if (sniffed !== declared) {
    throw refused(
      `The file is not a ${LABEL[declared]} image${sniffed ? ` (it is ${LABEL[sniffed]})` : ''}: upload a PNG, JPEG or WebP file.`,
    );
  }
  return { bytes, type: sniffed };
}
