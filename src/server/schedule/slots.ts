import 'server-only';
import type { OccurrenceChange, SlotDto, SlotInput, SlotUpdate } from '@/types/schedule';
import { type AuditActor, audit } from '../audit';
import { getDb } from '../db';
import { badRequest, conflict, notFound, unavailable } from '../http';
import { TASKS, wake } from '../loop';
import { withLock } from '../redis';
import { conflictMessage, findConflict } from './conflicts';
import { namesOf, toSlotDto } from './dto';
import { scheduleChanged } from './now-next';
import { isOriginalOccurrence, type SlotRule } from './recurrence';
import { loadRules, slotInclude, toRule } from './store';

async function channelOf(id: string) {
  const channel = await getDb().channel.findUnique({ where: { id }, select: { id: true, name: true, timeZone: true } });
  if (!channel) throw notFound('No such channel.');
  return channel;
}

async function slotRow(id: string) {
  const row = await getDb().slot.findUnique({ where: { id }, include: slotInclude });
  if (!row) throw notFound('No such slot.');
  return row;
}

/** Hosts must be DJs listed on the channel (admins go live by override, not by slot). */
async function checkHosts(channelId: string, hostIds: string[]): Promise<void> {
  const listed = await getDb().channelDj.findMany({ where: { channelId, userId: { in: hostIds } }, select: { userId: true } });
  const ok = new Set(listed.map((l) => l.userId));
  const missing = hostIds.filter((id) => !ok.has(id));
  if (missing.length) throw badRequest(`Hosts must be DJs of this channel first: ${missing.join(', ')}.`);
}

async function checkConflicts(candidate: SlotRule, channelId: string, zone: string): Promise<void> {
  const hit = findConflict(candidate, await loadRules(channelId), new Date());
  if (hit) throw conflict(conflictMessage(hit, zone));
}

/**
 * One schedule write per channel at a time, across replicas: the overlap check and the write
 * must not interleave with another request's, or two overlapping slots could both pass.
 */
function serialised<T>(channelId: string, work: () => Promise<T>): Promise<T> {
  return withLock(`schedule:${channelId}`, work, () => unavailable('The schedule is being changed elsewhere; try again in a moment.', 2));
}

async function dto(id: string): Promise<SlotDto> {
  const row = await slotRow(id);
  return toSlotDto(row, await namesOf(row.hosts.map((h) => h.userId)));
}

const describeSlot = (s: { title: string; startLocal: string; timeZone: string }) =>
  `“${s.title || 'untitled'}” ${s.startLocal} ${s.timeZone}`;

function changed(actor: AuditActor, action: Parameters<typeof audit>[0]['action'], channel: { id: string; name: string }, detail: string) {
  wake(TASKS.enforce); // the schedule changed: enforce it now, not at the old boundary
  scheduleChanged(channel.id); // and show it on live pages at the streams' next pass
  return audit({ actor, action, channel, detail });
}

export async function listSlots(channelId: string): Promise<SlotDto[]> {
  await channelOf(channelId);
  const rows = await getDb().slot.findMany({ where: { channelId }, include: slotInclude, orderBy: { startLocal: 'asc' } });
  const names = await namesOf(rows.flatMap((r) => r.hosts.map((h) => h.userId)));
  return rows.map((r) => toSlotDto(r, names));
}

export const createSlot = (channelId: string, input: SlotInput, actor: AuditActor): Promise<SlotDto> =>
  serialised(channelId, () => create(channelId, input, actor));

export async function updateSlot(id: string, patch: SlotUpdate, actor: AuditActor): Promise<SlotDto> {
  const { channelId } = await slotRow(id);
  return serialised(channelId, () => update(id, patch, actor));
}

/** Cancel, move or restore one occurrence of a slot. */
export async function changeOccurrence(id: string, change: OccurrenceChange, actor: AuditActor): Promise<SlotDto> {
  const { channelId } = await slotRow(id);
  return serialised(channelId, () => changeOne(id, change, actor));
}

async function create(channelId: string, input: SlotInput, actor: AuditActor): Promise<SlotDto> {
  const channel = await channelOf(channelId);
  await checkHosts(channelId, input.hostIds);
  const data = {
    title: input.title,
    startLocal: input.start,
    timeZone: channel.timeZone,
    durationSeconds: input.durationSeconds,
    repeatWeeks: input.repeat?.everyWeeks ?? null,
    repeatUntil: input.repeat?.until ?? null,
  };
  await checkConflicts({ id: '', ...data, hostIds: input.hostIds, exceptions: [] }, channelId, channel.timeZone);
  const row = await getDb().slot.create({
    data: { ...data, channelId, hosts: { create: input.hostIds.map((userId) => ({ userId })) } },
  });
  await changed(actor, 'slot.create', channel, describeSlot(row));
  return dto(row.id);
}

async function update(id: string, patch: SlotUpdate, actor: AuditActor): Promise<SlotDto> {
  const row = await slotRow(id);
  const channel = await channelOf(row.channelId);
  const rule = toRule(row);
  const next: SlotRule = {
    ...rule,
    title: patch.title ?? rule.title,
    startLocal: patch.start ?? rule.startLocal,
    durationSeconds: patch.durationSeconds ?? rule.durationSeconds,
    repeatWeeks: patch.repeat === undefined ? rule.repeatWeeks : (patch.repeat?.everyWeeks ?? null),
    repeatUntil: patch.repeat === undefined ? rule.repeatUntil : (patch.repeat?.until ?? null),
    hostIds: patch.hostIds ?? rule.hostIds,
  };
  // Exceptions name occurrences of the old pattern; keep only those that still exist.
  next.exceptions = rule.exceptions.filter((e) => isOriginalOccurrence(next, e.occurrence));
  if (patch.hostIds) await checkHosts(row.channelId, patch.hostIds);
  await checkConflicts(next, row.channelId, channel.timeZone);
  const kept = new Set(next.exceptions.map((e) => e.occurrence));
  await getDb().$transaction([
    getDb().slotException.deleteMany({ where: { slotId: id, occurrence: { notIn: [...kept] } } }),
    ...(patch.hostIds
      ? [
          getDb().slotHost.deleteMany({ where: { slotId: id } }),
          getDb().slotHost.createMany({ data: patch.hostIds.map((userId) => ({ slotId: id, userId })) }),
        ]
      : []),
    getDb().slot.update({
      where: { id },
      data: {
        title: next.title,
        startLocal: next.startLocal,
        durationSeconds: next.durationSeconds,
        repeatWeeks: next.repeatWeeks,
        repeatUntil: next.repeatUntil,
      },
    }),
  ]);
  await changed(actor, 'slot.update', channel, `${describeSlot(row)} → ${describeSlot(next)}`);
  return dto(id);
}

export async function deleteSlot(id: string, actor: AuditActor): Promise<void> {
  const row = await slotRow(id);
  const channel = await channelOf(row.channelId);
  await getDb().slot.delete({ where: { id } });
  await changed(actor, 'slot.delete', channel, describeSlot(row));
}

async function changeOne(id: string, change: OccurrenceChange, actor: AuditActor): Promise<SlotDto> {
  const row = await slotRow(id);
  const channel = await channelOf(row.channelId);
  const rule = toRule(row);
  if (!isOriginalOccurrence(rule, change.occurrence)) throw badRequest(`This slot has no occurrence starting ${change.occurrence}.`);
  const where = { slotId_occurrence: { slotId: id, occurrence: change.occurrence } };
  if (change.action === 'restore') {
    const restored = { ...rule, exceptions: rule.exceptions.filter((e) => e.occurrence !== change.occurrence) };
    await checkConflicts(restored, row.channelId, channel.timeZone);
    await getDb().slotException.deleteMany({ where: { slotId: id, occurrence: change.occurrence } });
    await changed(actor, 'slot.restore_occurrence', channel, `${describeSlot(row)} occurrence ${change.occurrence}`);
    return dto(id);
  }
  const exception =
    change.action === 'cancel'
      ? { kind: 'cancel' as const, movedStartLocal: null, movedDurationSeconds: null }
      : { kind: 'move' as const, movedStartLocal: change.start, movedDurationSeconds: change.durationSeconds ?? null };
  if (change.action === 'move') {
    const others = rule.exceptions.filter((e) => e.occurrence !== change.occurrence);
    const moved = {
      occurrence: change.occurrence,
      kind: 'move' as const,
      movedStartLocal: change.start,
      movedDurationSeconds: change.durationSeconds ?? null,
    };
    await checkConflicts({ ...rule, exceptions: [...others, moved] }, row.channelId, channel.timeZone);
  }
  await getDb().slotException.upsert({ where, create: { slotId: id, occurrence: change.occurrence, ...exception }, update: exception });
  const action = change.action === 'cancel' ? 'slot.cancel_occurrence' : 'slot.move_occurrence';
  const detail = change.action === 'move' ? ` → ${change.start}` : '';
  await changed(actor, action, channel, `${describeSlot(row)} occurrence ${change.occurrence}${detail}`);
  return dto(id);
}
