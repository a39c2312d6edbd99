import 'server-only';
import { redisClient, redisKey } from './client';

/** Small shared values that expire by themselves (e.g. each channel's last link report), as JSON strings. */
export interface ExpiringValues {
  put(id: string, json: string, ttlMs: number): Promise<void>;
  /** The values still there, by id (missing and expired ones left out). */
  getMany(ids: string[]): Promise<Map<string, string>>;
}

/** Values under `<prefix><namespace>:<id>` in the app's Redis; null without one (the caller keeps them in memory). */
export function expiringValues(namespace: string): ExpiringValues | null {
  const client = redisClient();
  if (!client) return null;
  const k = (id: string) => redisKey(`${namespace}:${id}`);
  return {
    put: async (id, json, ttlMs) => void (await client.set(k(id), json, 'PX', Math.max(1, Math.round(ttlMs)))),
    async getMany(ids) {
      if (ids.length === 0) return new Map();
      const values = await client.mget(ids.map(k));
      return new Map(ids.flatMap((id, i) => (values[i] ? [[id, values[i]] as const] : [])));
    },
  };
}
