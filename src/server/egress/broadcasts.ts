import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from '@/types/zod';
import { getDb, type Broadcast } from '../db';
import { broadcastPath, type StorageConfig } from '../storage';
import type { Host, OpenBroadcast } from './plan';

const hostsSchema = z.array(z.object({ identity: z.string(), name: z.string() }));

export function parseHosts(json: string): Host[] {
  const parsed = hostsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

/** The egress fields the plan reads, of a broadcast or a replay's HLS. */
export function egressState(row: Omit<OpenBroadcast, 'hosts'>): Omit<OpenBroadcast, 'hosts'> {
  const { id, egressId, egressStartedAt, attempt, failures, nextAttemptAt } = row;
  return { id, egressId, egressStartedAt, attempt, failures, nextAttemptAt };
}

export function toOpenBroadcast(row: Broadcast): OpenBroadcast {
  return { ...egressState(row), hosts: parseHosts(row.hosts) };
}

/** The channel's broadcast that has not ended, if any. */
export function findOpenBroadcast(channelId: string): Promise<Broadcast | null> {
  return getDb().broadcast.findFirst({ where: { channelId, endedAt: null }, orderBy: { startedAt: 'desc' } });
}

export async function openBroadcast(conf: StorageConfig, channelId: string, host: Host, at: Date): Promise<Broadcast> {
  // The id names the storage folder, so it is chosen before the row exists.
  const id = randomUUID().replace(/-/g, '');
  return getDb().broadcast.create({
    data: { id, channelId, startedAt: at, hosts: JSON.stringify([host]), storagePath: broadcastPath(conf.prefix, channelId, id) },
  });
}

export function updateBroadcast(id: string, data: Partial<Omit<Broadcast, 'id' | 'channelId'>>): Promise<Broadcast> {
  return getDb().broadcast.update({ where: { id }, data });
}
