import 'server-only';
import type { OccurrenceDto, SlotDto, SlotHostInfo } from '@/types/schedule';
import { getDb } from '../db';
import type { Occurrence } from './recurrence';
import type { SlotRow } from './store';

/** Display names of users, for hosts. */
export async function namesOf(userIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const users = await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

const hostsOf = (ids: string[], names: Map<string, string>): SlotHostInfo[] =>
  ids.map((id) => ({ id, name: names.get(id) ?? 'Unknown DJ' }));

export function toOccurrenceDto(o: Occurrence, names: Map<string, string>): OccurrenceDto {
  return {
    slotId: o.slotId,
    occurrence: o.occurrence,
    title: o.title,
    start: o.start.toISOString(),
    end: o.end.toISOString(),
    hosts: hostsOf(o.hostIds, names),
    recurring: o.recurring,
    moved: o.moved,
  };
}

export function toSlotDto(row: SlotRow, names: Map<string, string>): SlotDto {
  return {
    id: row.id,
    channelId: row.channelId,
    title: row.title,
    start: row.startLocal,
    timeZone: row.timeZone,
    durationSeconds: row.durationSeconds,
    repeat: row.repeatWeeks ? { everyWeeks: row.repeatWeeks, until: row.repeatUntil } : null,
    hosts: hostsOf(
      row.hosts.map((h) => h.userId),
      names,
    ),
    exceptions: row.exceptions.map((e) => ({
      occurrence: e.occurrence,
      kind: e.kind === 'move' ? 'move' : 'cancel',
      start: e.movedStartLocal,
      durationSeconds: e.movedDurationSeconds,
    })),
  };
}
