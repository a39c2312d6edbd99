import type { PublishingPhase, SlotWindow } from '@/lib/client/publishing/publishing-state';
import { formatClock } from '@/lib/client/format-duration';
import type { Follow } from './next-slot-plan';
import { followText } from './slot-text';

export type SlotCountdown = { text: string; warning: boolean } | null;

/** Within this much of the slot end the console warns the DJ. */
export const LAST_MINUTE_MS = 60_000;

/**
 * The console's countdown: to the slot start in the green room, to the slot end on air
 * (with a warning in the last minute saying what follows); nothing without a slot (admin override) or clock.
 */
export function slotCountdown(phase: PublishingPhase, slot: SlotWindow, now: number | null, follow: Follow): SlotCountdown {
  if (!slot || now === null) return null;
  if (phase === 'waiting') {
    return { text: `You go on air in ${formatClock(Math.ceil((slot.start - now) / 1000) * 1000)}`, warning: false };
  }
  if (phase === 'live' || phase === 'reconnecting') {
    const left = slot.end - now;
    const clock = formatClock(Math.ceil(left / 1000) * 1000);
    if (left <= LAST_MINUTE_MS && follow.kind === 'self')
      return { text: `Your slot ends in ${clock}. ${followText(follow)}`, warning: false };
    if (left <= LAST_MINUTE_MS) return { text: `Last minute: your slot ends in ${clock}. ${followText(follow)}`, warning: true };
    return { text: `Your slot ends in ${clock}`, warning: false };
  }
  return null;
}
