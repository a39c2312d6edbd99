'use client';
import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { RowActions } from '@/components/ui/RowActions';
import { useApiAction } from '@/hooks/useApiAction';
import { changeOccurrence, deleteSlot, updateSlot } from '@/lib/api-client';
import type { SlotDto, SlotHostInfo, SlotInput } from '@/types/schedule';
import { SlotForm } from './SlotForm';

export type SlotListProps = { slots: SlotDto[]; djs: SlotHostInfo[]; zone: string; onChanged: () => Promise<void> };

function describe(slot: SlotDto): string {
  const minutes = Math.round((slot.durationSeconds / 60) * 100) / 100;
  const repeat = slot.repeat
    ? `every ${slot.repeat.everyWeeks === 1 ? 'week' : `${slot.repeat.everyWeeks} weeks`}${slot.repeat.until ? ` until ${slot.repeat.until}` : ''}`
    : 'once';
  return `${slot.start.replace('T', ' ')} · ${minutes} min · ${repeat}`;
}

/** Slot rules with edit, delete, and the exceptions (restore a cancelled or moved occurrence). */
export function SlotList({ slots, djs, zone, onChanged }: SlotListProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const action = useApiAction(async (run: () => Promise<unknown>) => {
    await run();
    await onChanged();
  });
  const save = (slot: SlotDto) => async (input: SlotInput) => {
    await updateSlot(slot.id, { ...input, repeat: input.repeat ?? null });
    setEditing(null);
    await onChanged();
  };
  if (slots.length === 0) return <p className="text-sm text-muted">No slots yet.</p>;
  return (
    <>
      {action.error && (
        <Alert tone="error" className="mb-3">
          {action.error}
        </Alert>
      )}
      <ul className="divide-y divide-line" data-testid="slot-list">
        {slots.map((slot) => (
          <li key={slot.id} className="py-3" data-testid="slot-row">
            {editing === slot.id ? (
              <SlotForm
                idPrefix={`edit-${slot.id}`}
                djs={djs}
                zone={zone}
                initial={slot}
                submitLabel="Save"
                onSave={save(slot)}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <SlotSummary
                slot={slot}
                onEdit={() => setEditing(slot.id)}
                onDelete={() => void action.run(() => deleteSlot(slot.id))}
                onRestore={(occurrence) => void action.run(() => changeOccurrence(slot.id, { action: 'restore', occurrence }))}
              />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A slot rule as text, its exceptions with Restore, and edit / delete (delete asks first). */
function SlotSummary({
  slot,
  onEdit,
  onDelete,
  onRestore,
}: {
  slot: SlotDto;
  onEdit: () => void;
  onDelete: () => void;
  onRestore: (occurrence: string) => void;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <p className="font-medium">{slot.title || 'Untitled'}</p>
        <p className="text-sm text-muted">{describe(slot)}</p>
        <p className="text-sm">{slot.hosts.map((h) => h.name).join(', ')}</p>
        {slot.exceptions.map((e) => (
          <p key={e.occurrence} className="text-xs text-muted">
            {e.kind === 'cancel' ? 'Cancelled' : `Moved to ${e.start?.replace('T', ' ')}`}: {e.occurrence.replace('T', ' ')}{' '}
            <button type="button" className="underline" onClick={() => onRestore(e.occurrence)}>
              Restore
            </button>
          </p>
        ))}
      </div>
      <RowActions
        onEdit={onEdit}
        onDelete={() => {
          if (window.confirm(`Delete “${slot.title || 'untitled'}” and all its occurrences? A host on air now goes off air.`)) onDelete();
        }}
      />
    </div>
  );
}
