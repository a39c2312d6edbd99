import 'server-only';
import type { ChannelSummary } from '@/types/channel';
import { getDb } from '../db/client';
import type { Channel } from '../db/generated/client';
import { liveStateKnown } from './live-status';

type ChannelRow = Pick<Channel, 'id' | 'slug' | 'name' | 'description' | 'liveIdentity' | 'liveName' | 'liveSince'>;

export function toChannelSummary(row: ChannelRow, listeners: number, known = liveStateKnown()): ChannelSummary {
  const onAir = known && row.liveIdentity !== null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    live: {
      known,
      onAir,
      djName: onAir ? (row.liveName ?? row.liveIdentity) : null,
      since: onAir && row.liveSince ? row.liveSince.toISOString() : null,
      listeners: known ? listeners : 0,
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

// Token requests ask this on every listener tune-in; channels rarely change, so a
// short positive cache spares SQLite. Misses are never cached (new channels work at
// once) and deleteChannel() forgets the id (one app instance owns the database).
const EXISTS_TTL_MS = 10_000;
const EXISTS_MAX_ENTRIES = 10_000;
const knownChannels = new Map<string, number>();

export async function channelExists(id: string): Promise<boolean> {
  const now = Date.now();
  if ((knownChannels.get(id) ?? 0) > now) return true;
  const found = (await getDb().channel.count({ where: { id } })) > 0;
  if (found) {
    if (knownChannels.size >= EXISTS_MAX_ENTRIES) knownChannels.clear();
    knownChannels.set(id, now + EXISTS_TTL_MS);
  }
  return found;
}

/** Who is on air on a channel (LiveKit identity and shown name), or null. */
export async function onAirIn(channelId: string): Promise<{ identity: string; name: string } | null> {
  const row = await getDb().channel.findUnique({ where: { id: channelId }, select: { liveIdentity: true, liveName: true } });
  return row?.liveIdentity ? { identity: row.liveIdentity, name: row.liveName ?? 'Another DJ' } : null;
}

export function forgetChannel(id: string): void {
  knownChannels.delete(id);
}
