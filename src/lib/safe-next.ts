/** Longer targets are not ours to keep: sign-in links carry a short path. */
const MAX_NEXT_LENGTH = 2048;
/** Browsers drop tabs and newlines from URLs ("/\t/evil" becomes "//evil"): any control character is refused. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const BASE = 'http://same-origin.invalid';

/**
 * Only same-site paths may be redirect targets after sign-in (no open redirects): the value is
 * resolved the way a browser would against a placeholder origin and kept only if it stays there,
 * then returned normalised (path, query and fragment of that resolution).
 */
export function safeNextPath(value: unknown, fallback = '/dj'): string {
  if (typeof value !== 'string' || value.length > MAX_NEXT_LENGTH || CONTROL.test(value)) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? fallback : path;
}
