'use client';
import { type FormEvent, useId } from 'react';
import { Field } from '@/components/ui/Field';
import { FormActions } from '@/components/ui/FormActions';
import { Input } from '@/components/ui/Input';
import { useApiAction } from '@/hooks/useApiAction';
import { localDateTimeSchema, type OccurrenceDto } from '@/types/schedule';
import { timeRange, toLocalInput } from './week';

export type MoveOccurrenceFormProps = {
  occurrence: OccurrenceDto;
  /** The channel's zone: the new start is wall-clock time there. */
  zone: string;
  /** Saves the move ("YYYY-MM-DDTHH:mm" in `zone`); throw to show an error. */
  onMove: (start: string) => Promise<void>;
  onClose: () => void;
};

/** A new start for one occurrence, as a date-time field in the channel's zone (other weeks stay). */
export function MoveOccurrenceForm({ occurrence: o, zone, onMove, onClose }: MoveOccurrenceFormProps) {
  const id = useId();
  const { run, pending, error } = useApiAction(async (value: string) => {
    const parsed = localDateTimeSchema.safeParse(value);
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('. '));
    await onMove(parsed.data);
    return true;
  });
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await run(String(new FormData(event.currentTarget).get('start') ?? ''))) onClose();
  };
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="mb-4 grid gap-3 rounded-lg border border-line p-3 sm:grid-cols-2"
      data-testid="move-form"
    >
      <p className="text-sm sm:col-span-2">
        Move “{o.title || 'Untitled'}” of {toLocalInput(o.start, zone).replace('T', ' ')} ({timeRange(o, zone)}, {zone}). Other weeks stay.
      </p>
      <Field label={`New start (${zone})`} htmlFor={`${id}-start`}>
        <Input id={`${id}-start`} name="start" type="datetime-local" step={60} defaultValue={toLocalInput(o.start, zone)} required />
      </Field>
      <FormActions error={error} pending={pending} submitLabel="Move" onCancel={onClose} span="sm:col-span-2" errorTestId="move-error" />
    </form>
  );
}
