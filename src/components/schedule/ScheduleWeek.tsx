'use client';
import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Card } from '@/components/ui/Card';
import { useApiAction } from '@/hooks/useApiAction';
import { changeOccurrence } from '@/lib/api-client';
import type { OccurrenceChange, OccurrenceDto } from '@/types/schedule';
import { MoveOccurrenceForm } from './MoveOccurrenceForm';
import { toLocalInput } from './week';
import { WeekCalendar, type WeekCalendarProps } from './WeekCalendar';

export type ScheduleWeekProps = Pick<WeekCalendarProps, 'start' | 'zone' | 'viewerZone' | 'occurrences' | 'onWeek'> & {
  error: string | null;
  onChanged: () => Promise<void>;
};

/** The week calendar with move (a form), cancel (asks first) and restore for one occurrence. */
export function ScheduleWeek({ start, zone, viewerZone, occurrences, error, onWeek, onChanged }: ScheduleWeekProps) {
  const [moving, setMoving] = useState<OccurrenceDto | null>(null);
  const change = async (slotId: string, c: OccurrenceChange) => {
    await changeOccurrence(slotId, c);
    await onChanged();
  };
  const occurrenceAction = useApiAction(change);
  const onCancel = (o: OccurrenceDto) => {
    if (window.confirm(`Cancel “${o.title || 'untitled'}” on ${toLocalInput(o.start, zone).replace('T', ' ')}? Other weeks stay.`)) {
      void occurrenceAction.run(o.slotId, { action: 'cancel', occurrence: o.occurrence });
    }
  };
  const onRestore = (o: OccurrenceDto) => void occurrenceAction.run(o.slotId, { action: 'restore', occurrence: o.occurrence });
  return (
    <Card title="Week" description="Slots as listeners see them, and cancelled ones. Back-to-back slots are fine; overlaps are refused.">
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
      {moving && (
        <MoveOccurrenceForm
          key={`${moving.slotId}-${moving.occurrence}`}
          occurrence={moving}
          zone={zone}
          onMove={(next) => change(moving.slotId, { action: 'move', occurrence: moving.occurrence, start: next })}
          onClose={() => setMoving(null)}
        />
      )}
      <WeekCalendar
        start={start}
        occurrences={occurrences}
        zone={zone}
        viewerZone={viewerZone}
        onWeek={onWeek}
        onCancel={onCancel}
        onMove={setMoving}
        onRestore={onRestore}
      />
    </Card>
  );
}
