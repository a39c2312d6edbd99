import 'server-only';
import { getEnv } from '../env';
import { invalidOrigin } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string | null): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return 'invalid';
  }
}

/**
 * CSRF guard for every state-changing request, as better-auth does for its own
 * routes: a browser always sends Origin (or at least Referer) on these, so one
 * from another site is refused. A request with neither is refused only when it
 * carries a cookie, the one credential a forged cross-site request could use;
 * cookie-less callers (LiveKit's webhook, anonymous listeners) pass.
 */
export function checkOrigin(req: Request, allowedOrigin: string = new URL(getEnv().APP_URL).origin): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = originOf(req.headers.get('origin')) ?? originOf(req.headers.get('referer'));
  if (origin === allowedOrigin) return;
  if (origin === null && !req.headers.get('cookie') && req.headers.get('sec-fetch-site') !== 'cross-site') return;
  throw invalidOrigin();
}
