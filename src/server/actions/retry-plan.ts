/** Retries of an action's LiveKit side: quick at first (a LiveKit restart takes seconds), then every 10 s. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 10_000;
/** About a minute and a half of trying before an action is marked failed for an admin to retry. */
export const MAX_ATTEMPTS = 12;

/** Wait before the attempt after `attempts` failed ones: 0.5, 1, 2, 4, 8, 10, 10 ... s. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export type AfterFailure = { status: 'pending' | 'failed'; nextAttemptAt: Date };

/** What a failed attempt (the `attempts`-th) leaves: another try later, or failed for good. */
export function afterFailure(attempts: number, now: Date): AfterFailure {
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: now };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) };
}

/** An error as an admin may read it: the message only (never a stack), one line, bounded, with a hint for the common case. */
export function plainMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : 'unknown error';
  const line = (raw.split('\n')[0] ?? '').trim() || 'unknown error';
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : '';
  const unreachable = /fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|took longer than/i.test(`${line} ${cause}`);
  const text = unreachable ? `LiveKit could not be reached (${line})` : line;
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/** How long a route waits for the loop to finish an action before answering 202 (the answer stays under 1 s). */
export function settleBudgetMs(startedAt: number, now: number, answerWithinMs = 300): number {
  return Math.max(0, answerWithinMs - (now - startedAt));
}
