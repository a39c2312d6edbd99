'use client';
import { useCallback, useMemo, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { useHydrated } from '@/hooks/useHydrated';
import { useSchedule } from '@/hooks/useSchedule';
import { createSlot, listSlots } from '@/lib/api-client';
import type { SlotDto, SlotHostInfo, SlotInput } from '@/types/schedule';
import { DjRoster } from './DjRoster';
import { SlotForm } from './SlotForm';
import { SlotList } from './SlotList';
import { ScheduleWeek } from './ScheduleWeek';
import { cancelledOccurrences, viewerZoneIfDifferent, weekStart } from './week';

export type ScheduleAdminProps = {
  channel: { id: string; slug: string; name: string; timeZone: string };
  allDjs: SlotHostInfo[];
  channelDjs: SlotHostInfo[];
  slots: SlotDto[];
};

/** A channel's schedule for admins: DJs allowed on it, a week calendar, the slot list, new slots. */
export function ScheduleAdmin({ channel, allDjs, channelDjs: initialDjs, slots: initialSlots }: ScheduleAdminProps) {
  const zone = channel.timeZone;
  const [offset, setOffset] = useState(0);
  const [djs, setDjs] = useState(initialDjs);
  const [slots, setSlots] = useState(initialSlots);
  const start = useMemo(() => weekStart(new Date(), zone, offset), [zone, offset]);
  const from = start.toUTC().toISO() ?? '';
  const to = start.plus({ weeks: 1 }).toUTC().toISO() ?? '';
  const { schedule, error, reload } = useSchedule(channel.slug, from, to);
  // The browser's zone is known only after hydration; reading it during render made the server's
  // HTML and the first client render differ, and React re-rendered the page, dropping typed input.
  const hydrated = useHydrated();
  const viewerZone = hydrated ? viewerZoneIfDifferent(zone, Intl.DateTimeFormat().resolvedOptions().timeZone) : null;
  const occurrences = useMemo(() => {
    const cancelled = cancelledOccurrences(slots, start, start.plus({ weeks: 1 }));
    // Just after a cancel the slots are fresh and the schedule not yet: never show both.
    const gone = new Set(cancelled.map((o) => `${o.slotId} ${o.occurrence}`));
    const scheduled = (schedule?.occurrences ?? []).filter((o) => !gone.has(`${o.slotId} ${o.occurrence}`));
    return [...scheduled, ...cancelled].sort((a, b) => a.start.localeCompare(b.start));
  }, [schedule, slots, start]);

  const refresh = useCallback(async () => {
    const list = await listSlots(channel.id);
    setSlots(list.slots);
    reload();
  }, [channel.id, reload]);

  const create = async (input: SlotInput) => {
    await createSlot(channel.id, input);
    await refresh();
  };

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Schedule · {channel.name}</h1>
      <DjRoster channelId={channel.id} allDjs={allDjs} selected={djs} onSaved={setDjs} />
      <ScheduleWeek
        start={start}
        zone={zone}
        viewerZone={viewerZone}
        occurrences={occurrences}
        error={error}
        onWeek={(d) => setOffset((o) => o + d)}
        onChanged={refresh}
      />
      <Card
        title="Slots"
        description={`Every slot rule on this channel. Times are wall-clock in ${zone}, so weekly shows keep their local time across daylight-saving changes.`}
      >
        <SlotList slots={slots} djs={djs} zone={zone} onChanged={refresh} />
      </Card>
      <Card title="New slot">
        <SlotForm idPrefix="new-slot" djs={djs} zone={zone} submitLabel="Create slot" onSave={create} />
      </Card>
      <Button variant="ghost" onClick={() => void refresh()}>
        Refresh
      </Button>
    </div>
  );
}
