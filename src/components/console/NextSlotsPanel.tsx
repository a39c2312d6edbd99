'use client';
import { Card } from '@/components/ui/Card';
import { formatDuration } from '@/lib/client/format-duration';
import type { DjSlot } from './next-slot-plan';
import { nextSlotCountdown, slotInZones } from './slot-text';

export type NextSlotsPanelProps = {
  /** The DJ's slots on this channel not yet over, soonest first. */
  slots: DjSlot[];
  channelZone: string;
  /** The browser's zone and clock; null until mounted (zone-dependent text is client-only). */
  viewerZone: string | null;
  now: number | null;
  greenRoomMs: number;
  autoGoLive: boolean;
  onAutoGoLiveChange: (on: boolean) => void;
};

/** How many coming slots the console lists. */
const SHOWN = 5;

/** The DJ's coming slots on this channel in their own zone, a countdown, and the auto go-live choice. */
export function NextSlotsPanel({ slots, channelZone, viewerZone, now, greenRoomMs, autoGoLive, onAutoGoLiveChange }: NextSlotsPanelProps) {
  const next = slots[0] ?? null;
  const clientReady = viewerZone !== null && now !== null;
  return (
    <Card title="Your slots on this channel" data-testid="dj-next-slots">
      {!next ? (
        <p className="text-sm text-muted">No slots on this channel in the next two weeks. Ask an admin for one.</p>
      ) : (
        <div className="flex flex-col gap-3">
          <p data-testid="next-slot-countdown" className="font-medium" aria-live="polite">
            {clientReady ? nextSlotCountdown(next, now) : '\u00a0'}
          </p>
          <ul className="divide-y divide-line text-sm">
            {slots.slice(0, SHOWN).map((slot) => (
              <li key={slot.key} data-testid="dj-next-slot" className="flex flex-wrap justify-between gap-2 py-2">
                <span>{clientReady ? slotInZones(slot, viewerZone, channelZone) : '\u00a0'}</span>
                <span className="text-muted">{slot.title || 'Untitled'}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <label className="mt-4 flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          data-testid="auto-go-live"
          className="mt-0.5"
          checked={autoGoLive}
          onChange={(e) => onAutoGoLiveChange(e.target.checked)}
          aria-describedby="auto-go-live-hint"
        />
        <span>
          Go on air automatically at my next slot
          <span id="auto-go-live-hint" className="block text-xs text-muted">
            Keep this page open: the console joins the green room {formatDuration(greenRoomMs)} before the start and goes on air when the
            slot starts, with the input chosen here.
          </span>
        </span>
      </label>
    </Card>
  );
}
