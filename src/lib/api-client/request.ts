import { fetchJson } from './fetch-json';

/** GET that is never cached (every read here is live state). */
export const getJson = <T>(path: string, signal?: AbortSignal) => fetchJson<T>(path, { cache: 'no-store', signal });

/** A state-changing request with a JSON body (`{}` when there is none, as the routes expect). */
export const sendJson = <T>(path: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown) =>
  fetchJson<T>(path, { method, body: body === undefined ? (method === 'DELETE' ? undefined : '{}') : JSON.stringify(body) });
