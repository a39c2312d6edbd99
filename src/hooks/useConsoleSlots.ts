'use client';
import type { NextSlotsPanelProps } from '@/components/console/NextSlotsPanel';
import type { OccurrenceDto } from '@/types/schedule';
import { useAutoGoLive } from './useAutoGoLive';
import { type DjSlots, useDjSlots } from './useDjSlots';
import { useNow } from './useNow';
import type { Publishing } from './usePublishing';
import { useViewerZone } from './useViewerZone';

type Options = {
  slug: string;
  userId: string;
  channelZone: string;
  occurrences: OccurrenceDto[];
  greenRoomMs: number;
  publishing: Publishing;
  /** Input and graph ready to publish. */
  ready: boolean;
  /** Resumes the audio graph (allowed inside a click). */
  resume: () => Promise<void>;
};

export type ConsoleSlots = DjSlots & {
  now: number | null;
  viewerZone: string | null;
  /** Stop or cancel by hand: also keeps auto go-live from rejoining that slot. */
  stop: () => void;
  panel: NextSlotsPanelProps;
};

/** The console's view of the DJ's slots: clock, zone, next slot, and "go on air automatically". */
export function useConsoleSlots({ slug, userId, channelZone, occurrences, greenRoomMs, publishing, ready, resume }: Options): ConsoleSlots {
  const now = useNow(1000);
  const viewerZone = useViewerZone();
  const slots = useDjSlots(slug, userId, occurrences, publishing.slot, now);
  const auto = useAutoGoLive({ publishing, ready, next: slots.next, greenRoomMs, now });
  const stop = () => {
    auto.skip();
    void publishing.stop();
  };
  const onAutoGoLiveChange = (on: boolean) => {
    if (on) void resume().catch(() => undefined); // the tick is a click: audio may start now, for the set to come
    auto.setEnabled(on);
  };
  return {
    ...slots,
    now,
    viewerZone,
    stop,
    panel: { slots: slots.mine, channelZone, viewerZone, now, greenRoomMs, autoGoLive: auto.enabled, onAutoGoLiveChange },
  };
}
