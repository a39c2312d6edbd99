import 'server-only';
import type { AuditAction, AuditEntryDto, AuditQuery } from '@/types/audit';
import { getDb } from '../db';
import { idCandidates, withNames } from './names';

export type AuditActor = { id: string; name: string } | null;

export type AuditRecord = {
  /** null: the station itself (enforcement). */
  actor: AuditActor;
  action: AuditAction;
  channel?: { id: string; name: string } | null;
  detail?: string;
};

/** Writes one audit entry. Never throws: a failed audit write must not undo the action it records. */
export async function audit(record: AuditRecord): Promise<void> {
  try {
    await getDb().auditEntry.create({
      data: {
        actorId: record.actor?.id ?? null,
        actorName: record.actor?.name ?? 'station',
        action: record.action,
        channelId: record.channel?.id ?? null,
        channelName: record.channel?.name ?? null,
        detail: record.detail ?? '',
      },
    });
  } catch (err) {
    console.error('[audit] could not write entry', record.action, err instanceof Error ? err.message : err);
  }
}

/** Current names of accounts and channels (renamed since, or named by id in older entries); missing ones are left out. */
async function currentNames(rows: { actorId: string | null; channelId: string | null; detail: string }[]) {
  const userIds = [...new Set([...rows.flatMap((r) => (r.actorId ? [r.actorId] : [])), ...idCandidates(rows.map((r) => r.detail))])];
  const channelIds = [...new Set(rows.flatMap((r) => (r.channelId ? [r.channelId] : [])))];
  const [users, channels] = await Promise.all([
    userIds.length ? getDb().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    channelIds.length ? getDb().channel.findMany({ where: { id: { in: channelIds } }, select: { id: true, name: true } }) : [],
  ]);
  return { users: new Map(users.map((u) => [u.id, u.name])), channels: new Map(channels.map((c) => [c.id, c.name])) };
}

/** Newest first, filtered by channel, action, actor and time; cursor-paged by `before`. Names, not ids, are shown. */
export async function listAudit(query: AuditQuery): Promise<{ entries: AuditEntryDto[]; nextBefore: string | null }> {
  const rows = await getDb().auditEntry.findMany({
    where: {
      channelId: query.channelId,
      action: query.action,
      actorId: query.actor === 'station' ? null : query.actor,
      at: { lt: query.before ? new Date(query.before) : undefined, gte: query.since ? new Date(query.since) : undefined },
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const names = await currentNames(page);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, name: names.users.get(r.actorId) ?? r.actorName } : null,
      action: r.action as AuditAction,
      channel: r.channelId ? { id: r.channelId, name: names.channels.get(r.channelId) ?? r.channelName ?? '' } : null,
      detail: withNames(r.detail, names.users),
    })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.at.toISOString() ?? null) : null,
  };
}
