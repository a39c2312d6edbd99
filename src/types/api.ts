/** The one error envelope every API route returns. */
export type ApiErrorBody = { error: { code: string; message: string } };

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  /** 403 for a DJ outside their slot (or kicked from it): the message says when they may go live. */
  'outside_slot',
  /** 403 for a DJ who is not the one on air on the channel (now playing is theirs alone). */
  'not_on_air',
  'not_found',
  'conflict',
  'invalid_origin',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
