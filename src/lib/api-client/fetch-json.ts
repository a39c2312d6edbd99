import type { ApiErrorBody } from '@/types/api';

/** An API error as the client sees it: the server's code and message, plus the status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From a `retry-after` header (429/503), when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** fetch that returns parsed JSON or throws ApiError (network failures become code "network"). */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(input, {
      ...init,
      headers: { 'content-type': 'application/json', ...init?.headers },
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection.');
  }
  const body: unknown = await res.json().catch(() => null);
  // Aborted while the body was read: end as an abort during fetch does, never as a null result.
  init?.signal?.throwIfAborted();
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after'));
    const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
    if (isErrorBody(body)) throw new ApiError(res.status, body.error.code, body.error.message, retryAfterSeconds);
    throw new ApiError(res.status, 'internal', `Request failed (${res.status})`, retryAfterSeconds);
  }
  return body as T;
}
