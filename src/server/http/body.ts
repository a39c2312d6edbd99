import 'server-only';
import { payloadTooLarge, unsupportedMediaType } from './errors';

/** Body caps per kind of route: a token request or a link report is tiny, a webhook a few KB. */
export const BODY_LIMITS = { token: 1024, linkReport: 512, form: 16 * 1024, webhook: 64 * 1024 } as const;

/** Refuses anything but the given media type (parameters such as charset are fine). */
export function requireContentType(req: Request, expected: string): void {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== expected) throw unsupportedMediaType(expected);
}

/**
 * Reads the body as text, refusing (413) as soon as it is known to exceed
 * maxBytes: from Content-Length before reading, else while streaming, so an
 * oversized body is never buffered.
 */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
