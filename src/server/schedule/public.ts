import 'server-only';
import type { OccurrenceDto, ScheduleResponse } from '@/types/schedule';
import { getDb } from '../db';
import { getEnv } from '../env';
import { notFound } from '../http';
import { namesOf, toOccurrenceDto } from './dto';
import { nowAndNext } from './now-next-plan';
import { expandAll } from './recurrence';
import { loadRules } from './store';

type ChannelRef = { id: string; slug: string; name: string; timeZone: string };

async function channelBySlug(slug: string): Promise<ChannelRef> {
  const channel = await getDb().channel.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, timeZone: true } });
  if (!channel) throw notFound('No such channel.');
  return channel;
}

/** The channel's occurrences in [from, to), plus what runs now and what comes next after `now` (however far ahead). */
export async function scheduleFor(channel: ChannelRef, from: Date, to: Date, now = new Date()): Promise<ScheduleResponse> {
  const rules = await loadRules(channel.id);
  const inRange = expandAll(rules, from, to);
  const { current, next, around } = nowAndNext(rules, now);
  const names = await namesOf([...inRange, ...around, ...(next ? [next] : [])].flatMap((o) => o.hostIds));
  const dto = (o: (typeof inRange)[number] | null): OccurrenceDto | null => (o ? toOccurrenceDto(o, names) : null);
  return {
    channel,
    from: from.toISOString(),
    to: to.toISOString(),
    occurrences: inRange.map((o) => toOccurrenceDto(o, names)),
    now: dto(current),
    next: dto(next),
  };
}

export async function publicSchedule(slug: string, from: Date, to: Date): Promise<ScheduleResponse> {
  return scheduleFor(await channelBySlug(slug), from, to);
}

/** Now, next and the coming 7 days of a channel. */
export async function comingWeek(channel: ChannelRef, now = new Date()): Promise<ScheduleResponse> {
  return scheduleFor(channel, now, new Date(now.getTime() + 7 * 86_400_000), now);
}

/** What the DJ console starts from: the channel's occurrences (every host) for the coming `days`, and the green room's lead. */
export async function consoleSchedule(channel: ChannelRef, days = 14, now = new Date()) {
  const { occurrences } = await scheduleFor(channel, now, new Date(now.getTime() + days * 86_400_000), now);
  return { occurrences, greenRoomMs: getEnv().SLOT_GREEN_ROOM_SECONDS * 1000 };
}

/** A DJ's occurrences on every channel in the coming `days`. */
export async function upcomingForDj(userId: string, days = 14, now = new Date()) {
  const slots = await getDb().slot.findMany({
    where: { hosts: { some: { userId } } },
    select: { channelId: true },
    distinct: ['channelId'],
  });
  const channels = await getDb().channel.findMany({
    where: { id: { in: slots.map((s) => s.channelId) } },
    select: { id: true, slug: true, name: true, timeZone: true },
  });
  const to = new Date(now.getTime() + days * 86_400_000);
  const out: { channel: ChannelRef; occurrence: OccurrenceDto }[] = [];
  for (const channel of channels) {
    const occurrences = expandAll(await loadRules(channel.id), now, to).filter((o) => o.hostIds.includes(userId));
    const names = await namesOf(occurrences.flatMap((o) => o.hostIds));
    for (const o of occurrences) out.push({ channel, occurrence: toOccurrenceDto(o, names) });
  }
  return out.sort((a, b) => a.occurrence.start.localeCompare(b.occurrence.start));
}

export { channelBySlug };
