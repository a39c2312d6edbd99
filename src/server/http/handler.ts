import 'server-only';
import { toErrorResponse } from './errors';
import { runInRequest } from '../log';
import { checkOrigin } from './origin';

type RouteContext<P> = { params: Promise<P> };

/**
 * The one recipe for route handlers: state-changing requests from another site
 * are refused first; the body parses, authorises and calls one server function;
 * every thrown error becomes the standard envelope.
 */
export function handler<P = Record<string, never>>(
  fn: (req: Request, ctx: RouteContext<P>) => Promise<Response>,
): (req: Request, ctx: RouteContext<P>) => Promise<Response> {
  return async (req, ctx) =>
    runInRequest(req, async () => {
      try {
        checkOrigin(req);
        return await fn(req, ctx);
      } catch (err) {
        return toErrorResponse(err);
      }
    });
}

export const json = (body: unknown, status = 200): Response => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

export const noContent = (): Response => new Response(null, { status: 204 });
