import 'server-only';
import { assertLeaseHeld } from '../loop';
import { getDb, isUniqueViolation } from '../db';
import { scheduleFor } from '../schedule';
import { type PushConfig, pushConfig } from './config';
import { type LiveChannel, type Notice, nextReminderAt, planGoLive, planReminders, SENT_KEEP_MS, type UpcomingSlot } from './push-plan';
import { sendToFollowers } from './send';

/** How far ahead slots are read: past the reminder window, so the loop knows when to wake next. */
const LOOKAHEAD_MS = 60 * 60_000;

const followed = { pushSubscriptions: { some: {} } } as const;

async function sentKeys(channelIds: string[], now: Date): Promise<{ keys: Set<string>; lastLive: Map<string, Date> }> {
  const rows = await getDb().pushSent.findMany({
    where: { channelId: { in: channelIds }, sentAt: { gte: new Date(now.getTime() - SENT_KEEP_MS) } },
    orderBy: { sentAt: 'asc' },
  });
  const lastLive = new Map<string, Date>();
  for (const r of rows) if (r.key.startsWith('live:')) lastLive.set(r.channelId, r.sentAt);
  return { keys: new Set(rows.map((r) => r.key)), lastLive };
}

/** Records the notice before sending it: a crash mid-send loses it rather than sending it twice. */
async function claim(notice: Notice, now: Date): Promise<boolean> {
  try {
    await getDb().pushSent.create({ data: { key: notice.key, channelId: notice.channelId, sentAt: now } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

async function deliver(config: PushConfig, notices: Notice[], now: Date): Promise<void> {
  for (const notice of notices) {
    assertLeaseHeld();
    if (!(await claim(notice, now))) continue;
    const report = await sendToFollowers(config, notice.channelId, notice.payload, notice.ttlSeconds);
    console.info(
      `[push] ${notice.payload.kind} ${notice.payload.channel}: sent ${report.sent}, gone ${report.gone}, failed ${report.failed}`,
    );
  }
}

async function upcomingSlots(now: Date): Promise<UpcomingSlot[]> {
  const channels = await getDb().channel.findMany({ where: followed, select: { id: true, slug: true, name: true, timeZone: true } });
  const out: UpcomingSlot[] = [];
  for (const channel of channels) {
    const { occurrences } = await scheduleFor(channel, now, new Date(now.getTime() + LOOKAHEAD_MS), now);
    for (const o of occurrences) {
      out.push({
        channelId: channel.id,
        slug: channel.slug,
        name: channel.name,
        slotId: o.slotId,
        occurrence: o.occurrence,
        title: o.title,
        hosts: o.hosts.map((h) => h.name),
        start: new Date(o.start),
      });
    }
  }
  return out;
}

/**
 * One pass of Follow: go-live notices for channels that just went on air, reminders for slots
 * starting within 10 minutes. Returns when the next reminder falls due. Off without VAPID keys.
 */
export async function pushPass(now: Date): Promise<Date | null> {
  const config = pushConfig();
  if (!config) return null;
  const live = await getDb().channel.findMany({
    where: { ...followed, liveIdentity: { not: null }, liveSince: { not: null } },
    select: { id: true, slug: true, name: true, liveName: true, liveSince: true },
  });
  const slots = await upcomingSlots(now);
  const ids = [...new Set([...live.map((c) => c.id), ...slots.map((s) => s.channelId)])];
  const { keys, lastLive } = await sentKeys(ids, now);
  const onAir = live.flatMap((c): LiveChannel[] => (c.liveSince ? [{ ...c, liveSince: c.liveSince }] : []));
  await deliver(config, planGoLive(onAir, keys, lastLive, now), now);
  await deliver(config, planReminders(slots, keys, now), now);
  await getDb().pushSent.deleteMany({ where: { sentAt: { lt: new Date(now.getTime() - SENT_KEEP_MS) } } });
  return nextReminderAt(slots, now);
}
