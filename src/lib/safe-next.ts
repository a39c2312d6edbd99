/** Only same-site relative paths may be redirect targets after sign-in (no open redirects). */
export function safeNextPath(value: unknown, fallback = '/dj'): string {
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
