import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fetchJson } from './fetch-json';

const respond = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers })),
  );

afterEach(() => vi.unstubAllGlobals());

describe('fetchJson', () => {
  it('returns the parsed body on success', async () => {
    respond(200, { ok: 1 });
    await expect(fetchJson('/x')).resolves.toEqual({ ok: 1 });
  });

  it('turns the error envelope into an ApiError with status, code, message and retry-after', async () => {
    respond(429, { error: { code: 'rate_limited', message: 'Slow down' } }, { 'retry-after': '7' });
    const error = await fetchJson('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', message: 'Slow down', retryAfterSeconds: 7 });
  });

  it('reports a non-envelope failure and an unreachable server plainly', async () => {
    respond(502, 'bad gateway');
    await expect(fetchJson('/x')).rejects.toMatchObject({ status: 502, code: 'internal' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(fetchJson('/x')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('rejects, never resolves null, when aborted while the body is read', async () => {
    const controller = new AbortController();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        // The headers are in; the body read fails as the abort lands.
        const res = new Response('{"entries":[]}', { status: 200 });
        vi.spyOn(res, 'json').mockImplementation(async () => {
          controller.abort();
          throw new DOMException('The operation was aborted.', 'AbortError');
        });
        return res;
      }),
    );
    await expect(fetchJson('/x', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
