import 'server-only';
import type { ChannelSummary } from '@/types/channel';
import { getDb } from '../db/client';
import type { Channel } from '../db/generated/client';

type ChannelRow = Pick<Channel, 'id' | 'slug' | 'name' | 'description' | 'liveIdentity' | 'liveName' | 'liveSince'>;

export function toChannelSummary(row: ChannelRow, listeners: number): ChannelSummary {
  const onAir = row.liveIdentity !== null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    live: {
      onAir,
      djName: onAir ? (row.liveName ?? row.liveIdentity) : null,
      since: onAir && row.liveSince ? row.liveSince.toISOString() : null,
      listeners,
    },
  };
}

/** Listeners currently in each channel's room, from presence rows kept by webhooks. */
async function listenerCounts(channelIds: string[]): Promise<Map<string, number>> {
  const groups = await getDb().presence.groupBy({
    by: ['channelId'],
    where: { channelId: { in: channelIds }, kind: 'listener', leftAt: null },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.channelId, g._count._all]));
}

export async function listChannels(): Promise<ChannelSummary[]> {
  const rows = await getDb().channel.findMany({ orderBy: { name: 'asc' } });
  const counts = await listenerCounts(rows.map((r) => r.id));
  return rows.map((row) => toChannelSummary(row, counts.get(row.id) ?? 0));
}

export async function getChannelBySlug(slug: string): Promise<ChannelSummary | null> {
  const row = await getDb().channel.findUnique({ where: { slug } });
  if (!row) return null;
  const counts = await listenerCounts([row.id]);
  return toChannelSummary(row, counts.get(row.id) ?? 0);
}

export async function channelExists(id: string): Promise<boolean> {
  return (await getDb().channel.count({ where: { id } })) > 0;
}
