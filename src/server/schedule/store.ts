import 'server-only';
import { getDb, type Prisma } from '../db';
import type { Block, RightsInput } from './on-air';
import { nextOccurrence } from './next-occurrence';
import { expandAll, type SlotExceptionRule, type SlotRule } from './recurrence';
import { MAX_SLOT_SECONDS } from '@/types/schedule';

export const slotInclude = { hosts: { select: { userId: true } }, exceptions: true } satisfies Prisma.SlotInclude;
export type SlotRow = Prisma.SlotGetPayload<{ include: typeof slotInclude }>;

export function toRule(row: SlotRow): SlotRule {
  return {
    id: row.id,
    title: row.title,
    startLocal: row.startLocal,
    timeZone: row.timeZone,
    durationSeconds: row.durationSeconds,
    repeatWeeks: row.repeatWeeks,
    repeatUntil: row.repeatUntil,
    hostIds: row.hosts.map((h) => h.userId),
    exceptions: row.exceptions.map((e): SlotExceptionRule =>
      e.kind === 'move' && e.movedStartLocal
        ? { occurrence: e.occurrence, kind: 'move', movedStartLocal: e.movedStartLocal, movedDurationSeconds: e.movedDurationSeconds }
        : { occurrence: e.occurrence, kind: 'cancel' },
    ),
  };
}

export async function loadRules(channelId: string): Promise<SlotRule[]> {
  const rows = await getDb().slot.findMany({ where: { channelId }, include: slotInclude });
  return rows.map(toRule);
}

/** DJs who may hold slots on the channel now: listed on it, not disabled. */
export async function eligibleDjs(channelId: string): Promise<Set<string>> {
  const rows = await getDb().channelDj.findMany({
    where: { channelId, user: { OR: [{ banned: null }, { banned: false }] } },
    select: { userId: true },
  });
  return new Set(rows.map((r) => r.userId));
}

export async function activeBlocks(channelId: string, now: Date): Promise<Block[]> {
  return getDb().publishBlock.findMany({ where: { channelId, until: { gt: now } }, select: { userId: true, until: true, reason: true } });
}

/** How far ahead rights are computed: next week's slots are enough to know the next boundary. */
const LOOKAHEAD_MS = 8 * 86_400_000;

/** Everything publishRights / djAccess need for one channel at `now`. */
export async function rightsInput(channelId: string, now: Date, graceMs: number): Promise<RightsInput> {
  const [rules, eligible, blocks] = await Promise.all([loadRules(channelId), eligibleDjs(channelId), activeBlocks(channelId, now)]);
  const from = new Date(now.getTime() - MAX_SLOT_SECONDS * 1000);
  const occurrences = expandAll(rules, from, new Date(now.getTime() + LOOKAHEAD_MS)).filter((o) => o.end > now);
  return { occurrences, blocks, eligible, now, graceMs };
}

/** A host's next occurrence on a channel after `after`, however far ahead (for the 403 wording). */
export async function nextOccurrenceFor(channelId: string, userId: string, after: Date) {
  return nextOccurrence(
    (await loadRules(channelId)).filter((r) => r.hostIds.includes(userId)),
    after,
  );
}
