import 'server-only';
import type { ApiErrorBody, ErrorCode } from '@/types/api';

/** An error whose status, code and message are safe to show to the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);
export const unauthorized = (message = 'Sign in to continue.') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = 'You are not allowed to do that.') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const unavailable = (message: string, retryAfterSeconds: number) =>
  new HttpError(503, 'unavailable', message, { 'retry-after': String(retryAfterSeconds) });
export const invalidOrigin = () =>
  new HttpError(403, 'invalid_origin', "Cross-site request refused: this action must come from the station's own pages.");
export const payloadTooLarge = (maxBytes: number) =>
  new HttpError(413, 'payload_too_large', `Request body is too large (at most ${maxBytes} bytes).`);
export const unsupportedMediaType = (expected: string) =>
  new HttpError(415, 'unsupported_media_type', `Request body must be sent as ${expected}.`);
export const rateLimited = (retryAfterSeconds: number) =>
  new HttpError(429, 'rate_limited', 'Too many requests. Try again shortly.', {
    'retry-after': String(retryAfterSeconds),
  });

export function errorResponse(status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  const body: ApiErrorBody = { error: { code, message } };
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** Known errors keep their status; anything else is logged and hidden behind a 500. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof HttpError) return errorResponse(err.status, err.code, err.message, err.headers);
  console.error('[api] unhandled error', err);
  return errorResponse(500, 'internal', 'Something went wrong on our side.');
}
