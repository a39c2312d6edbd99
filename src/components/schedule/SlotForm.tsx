'use client';
import { type FormEvent, useCallback } from 'react';
import { FormActions } from '@/components/ui/FormActions';
import { Field } from '@/components/ui/Field';
import { Input } from '@/components/ui/Input';
import { Select } from '@/components/ui/Select';
import { useApiAction } from '@/hooks/useApiAction';
import { useHydrated } from '@/hooks/useHydrated';
import { type SlotDto, type SlotHostInfo, type SlotInput, slotInputSchema } from '@/types/schedule';

export type SlotFormProps = {
  idPrefix: string;
  djs: SlotHostInfo[];
  zone: string;
  initial?: SlotDto;
  submitLabel: string;
  onSave: (input: SlotInput) => Promise<void>;
  onCancel?: () => void;
};

/** Form fields to the API's slot input (minutes to seconds), validated with the API's own schema. */
export function formToSlotInput(form: FormData): ReturnType<typeof slotInputSchema.safeParse> {
  const every = Number(form.get('repeatEvery') ?? 0);
  const until = String(form.get('repeatUntil') ?? '');
  return slotInputSchema.safeParse({
    title: String(form.get('title') ?? ''),
    start: String(form.get('start') ?? ''),
    durationSeconds: Math.round(Number(form.get('durationMinutes') ?? NaN) * 60),
    hostIds: form.getAll('hostIds').map(String),
    repeat: every > 0 ? { everyWeeks: every, until: until || null } : null,
  });
}

/** Create or edit a slot: local start in the channel's zone, duration, hosts, weekly repeat. */
export function SlotForm({ idPrefix, djs, zone, initial, submitLabel, onSave, onCancel }: SlotFormProps) {
  const { run, pending, error } = useApiAction(async (form: FormData) => {
    const parsed = formToSlotInput(form);
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'slot'}: ${i.message}`).join('. '));
    await onSave(parsed.data);
    return true;
  });
  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const formEl = event.currentTarget;
      if ((await run(new FormData(formEl))) && !initial) formEl.reset();
    },
    [run, initial],
  );
  // Fields are uncontrolled, so what is typed before hydration stays; only submitting waits for it.
  const hydrated = useHydrated();
  const id = (name: string) => `${idPrefix}-${name}`;
  const hostIds = new Set(initial?.hosts.map((h) => h.id));
  return (
    <form method="post" onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate data-testid={`${idPrefix}-form`}>
      <Field label="Title" htmlFor={id('title')}>
        <Input id={id('title')} name="title" defaultValue={initial?.title} maxLength={80} placeholder="Friday Night Deep" />
      </Field>
      <Field label={`Start (${zone})`} htmlFor={id('start')}>
        <Input id={id('start')} name="start" type="datetime-local" step={1} defaultValue={initial?.start.slice(0, 16)} required />
      </Field>
      <Field label="Duration (minutes)" htmlFor={id('duration')}>
        <Input
          id={id('duration')}
          name="durationMinutes"
          type="number"
          min={0.05}
          step="any"
          defaultValue={initial ? initial.durationSeconds / 60 : 60}
          required
        />
      </Field>
      <RepeatFields id={id} initial={initial?.repeat ?? null} />
      <HostChoice djs={djs} selected={hostIds} />
      <FormActions
        error={error}
        pending={pending}
        submitLabel={submitLabel}
        onCancel={onCancel}
        span="sm:col-span-2"
        errorTestId={`${idPrefix}-error`}
        disabled={!hydrated}
      />
    </form>
  );
}

/** Weekly repeat: every how many weeks (0 = once) and an optional last date. */
function RepeatFields({ id, initial }: { id: (name: string) => string; initial: SlotDto['repeat'] }) {
  return (
    <>
      <Field label="Repeats" htmlFor={id('repeat')}>
        <Select id={id('repeat')} name="repeatEvery" defaultValue={String(initial?.everyWeeks ?? 0)}>
          <option value="0">Once</option>
          <option value="1">Every week</option>
          <option value="2">Every 2 weeks</option>
          <option value="3">Every 3 weeks</option>
          <option value="4">Every 4 weeks</option>
        </Select>
      </Field>
      <Field label="Repeat until (optional)" htmlFor={id('until')}>
        <Input id={id('until')} name="repeatUntil" type="date" defaultValue={initial?.until ?? ''} />
      </Field>
    </>
  );
}

/** One checkbox per DJ allowed on the channel. */
function HostChoice({ djs, selected }: { djs: SlotHostInfo[]; selected: Set<string> }) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="text-sm font-medium">Hosts</legend>
      {djs.length === 0 && <p className="text-xs text-muted">Add DJs to this channel first.</p>}
      {djs.map((dj) => (
        <label key={dj.id} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="hostIds" value={dj.id} defaultChecked={selected.has(dj.id)} /> {dj.name}
        </label>
      ))}
    </fieldset>
  );
}
