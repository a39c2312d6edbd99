// The route recipe and its parts: the handler (with the origin check), the error envelope,
// body/param/query parsing, client keys and rate limiting, and the page CSP.
import 'server-only';
export { BODY_LIMITS, mediaType, readBodyBytes, readBodyText } from './body';
export { clientGroupKey, clientKey } from './client-key';
export * from './errors';
export { handler, json, noContent } from './handler';
export { parseBody, parseParams, parseQuery } from './parse';
export { RateLimiter } from './rate-limit';
export { contentSecurityPolicy } from './security-headers';
