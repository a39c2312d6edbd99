'use client';
import { useCallback, useMemo, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { useApiAction } from '@/hooks/useApiAction';
import { useSchedule } from '@/hooks/useSchedule';
import { changeOccurrence, createSlot, listSlots } from '@/lib/api-client';
import type { OccurrenceChange, OccurrenceDto, SlotDto, SlotHostInfo, SlotInput } from '@/types/schedule';
import { DjRoster } from './DjRoster';
import { SlotForm } from './SlotForm';
import { SlotList } from './SlotList';
import { toLocalInput, viewerZoneIfDifferent, weekStart } from './week';
import { WeekCalendar, type WeekCalendarProps } from './WeekCalendar';

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
  const viewerZone = viewerZoneIfDifferent(
    zone,
    typeof Intl === 'undefined' ? undefined : Intl.DateTimeFormat().resolvedOptions().timeZone,
  );

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
        occurrences={schedule?.occurrences ?? []}
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

type ScheduleWeekProps = Pick<WeekCalendarProps, 'start' | 'zone' | 'viewerZone' | 'occurrences' | 'onWeek'> & {
  error: string | null;
  onChanged: () => Promise<void>;
};

/** The week calendar with cancel and move for one occurrence (both ask first). */
function ScheduleWeek({ start, zone, viewerZone, occurrences, error, onWeek, onChanged }: ScheduleWeekProps) {
  const occurrenceAction = useApiAction(async (slotId: string, change: OccurrenceChange) => {
    await changeOccurrence(slotId, change);
    await onChanged();
  });
  const onCancel = (o: OccurrenceDto) => {
    if (window.confirm(`Cancel “${o.title || 'untitled'}” on ${toLocalInput(o.start, zone).replace('T', ' ')}? Other weeks stay.`)) {
      void occurrenceAction.run(o.slotId, { action: 'cancel', occurrence: o.occurrence });
    }
  };
  const onMove = (o: OccurrenceDto) => {
    const next = window.prompt(`New start for this occurrence (${zone}, YYYY-MM-DDTHH:mm):`, toLocalInput(o.start, zone));
    if (next) void occurrenceAction.run(o.slotId, { action: 'move', occurrence: o.occurrence, start: next });
  };
  return (
    <Card title="Week" description="Slots as listeners see them. Back-to-back slots are fine; overlaps are refused.">
      {error && (
        <Alert tone="error" className="mb-3">
          {error}
        </Alert>
      )}
      {occurrenceAction.error && (
        <Alert tone="error" className="mb-3">
          {occurrenceAction.error}
        </Alert>
      )}
      <WeekCalendar
        start={start}
        occurrences={occurrences}
        zone={zone}
        viewerZone={viewerZone}
        onWeek={onWeek}
        onCancel={onCancel}
        onMove={onMove}
      />
    </Card>
  );
}
