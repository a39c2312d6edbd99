// The route recipe and its parts: the handler, the error envelope, body/param/query parsing,
// client keys and rate limiting, the origin check and the security headers.
import 'server-only';
export { BODY_LIMITS, readBodyText, requireContentType } from './body';
export { clientGroupKey, clientKey } from './client-key';
export * from './errors';
export { handler, json, noContent } from './handler';
export { checkOrigin } from './origin';
export { describeIssues, parseBody, parseParams, parseQuery, parseWith } from './parse';
export { RateLimiter } from './rate-limit';
export { contentSecurityPolicy, type SecurityContext } from './security-headers';
