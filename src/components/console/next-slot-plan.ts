import type { OccurrenceDto } from '@/types/schedule';
import type { PublishingPhase, SlotWindow } from '@/lib/client/publishing/publishing-state';
import type { ProblemKind } from '@/lib/client/publishing/problems';

/** One of the DJ's slots on the console's channel, as epoch ms. */
export type DjSlot = { key: string; title: string; start: number; end: number };

/** What happens on the channel when a slot ends: another DJ takes over, the same DJ goes on, or silence. */
export type Follow = { kind: 'other'; names: string[] } | { kind: 'self' } | { kind: 'none' };

/** Boundaries closer than this count as back to back (slot starts are whole seconds). */
const TOUCH_MS = 1_000;

const toSlot = (o: OccurrenceDto): DjSlot => ({
  key: `${o.slotId}@${o.occurrence}`,
  title: o.title,
  start: Date.parse(o.start),
  end: Date.parse(o.end),
});

/** The DJ's slots not yet over at `now`, soonest first (the first may be running). */
export function mySlots(occurrences: OccurrenceDto[], userId: string, now: number): DjSlot[] {
  return occurrences
    .filter((o) => o.hosts.some((h) => h.id === userId))
    .map(toSlot)
    .filter((s) => s.end > now)
    .sort((a, b) => a.start - b.start);
}

/** Who follows a slot ending at `end`: a slot starting then, hosted by someone else or by this DJ. */
export function followOf(occurrences: OccurrenceDto[], end: number, userId: string): Follow {
  const next = occurrences.find((o) => Math.abs(Date.parse(o.start) - end) < TOUCH_MS);
  if (!next || next.hosts.length === 0) return { kind: 'none' };
  if (next.hosts.some((h) => h.id === userId)) return { kind: 'self' };
  return { kind: 'other', names: next.hosts.map((h) => h.name) };
}

/** Failures after which the console may try again by itself; the others need the DJ (or an admin) to act. */
const AUTO_RETRY_AFTER: ReadonlySet<ProblemKind> = new Set([
  'slot-ended',
  'not-your-slot',
  'not-confirmed',
  'disconnected',
  'server-unreachable',
  'rate-limited',
  'unknown',
]);

/** Between two automatic attempts for the same slot (a refused token, a lost connection). */
export const AUTO_RETRY_MS = 15_000;
/** Connect a little after the green room opens, so a client clock slightly ahead is not refused. */
export const GREEN_ROOM_MARGIN_MS = 3_000;

export type AutoGoLiveInput = {
  enabled: boolean;
  /** Input and audio graph ready to publish. */
  ready: boolean;
  phase: PublishingPhase;
  errorKind: ProblemKind | null;
  /** The DJ's next (or running) slot on this channel. */
  next: DjSlot | null;
  greenRoomMs: number;
  now: number;
  /** Slot the DJ stopped or cancelled by hand: not joined again automatically. */
  skippedKey: string | null;
  /** The last automatic attempt. */
  last: { key: string; at: number } | null;
};

/**
 * Whether the console, left open with "go on air automatically" agreed, should connect now:
 * from the green room's opening (server's SLOT_GREEN_ROOM_SECONDS) until the slot ends,
 * only while off air, and never for a slot the DJ stopped by hand.
 */
export function shouldAutoGoLive(input: AutoGoLiveInput): boolean {
  const { enabled, ready, phase, errorKind, next, greenRoomMs, now, skippedKey, last } = input;
  if (!enabled || !ready || !next || next.key === skippedKey) return false;
  if (phase !== 'idle' && !(phase === 'error' && errorKind !== null && AUTO_RETRY_AFTER.has(errorKind))) return false;
  if (now < next.start - greenRoomMs + GREEN_ROOM_MARGIN_MS || now >= next.end) return false;
  return !last || last.key !== next.key || now - last.at >= AUTO_RETRY_MS;
}

/**
 * The window the console counts down on air: the session's slot (from its token), or, once that
 * is over while the DJ stays on air into their own following slot, the slot running now.
 */
export function liveWindow(session: SlotWindow, mine: DjSlot[], now: number): SlotWindow {
  if (!session || now < session.end) return session;
  return mine.find((s) => s.start <= now && now < s.end) ?? session;
}
