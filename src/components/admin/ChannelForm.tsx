'use client';
import { type FormEvent, useCallback, useState } from 'react';
import { FormActions } from '@/components/ui/FormActions';
import { Field } from '@/components/ui/Field';
import { Input } from '@/components/ui/Input';
import { Select } from '@/components/ui/Select';
import { useApiAction } from '@/hooks/useApiAction';
import { type ChannelInput, channelInputSchema } from '@/types/channel';
import { suggestSlug } from './time-zones';
import { TimeZonePicker } from './TimeZonePicker';

export type ChannelFormProps = {
  /** Values to start from when editing. */
  initial?: ChannelInput;
  submitLabel: string;
  /** Saves the validated input; throw to show an error. Resolves when saved. */
  onSave: (input: ChannelInput) => Promise<void>;
  onCancel?: () => void;
  idPrefix: string;
  /** HLS_RETENTION_DAYS, shown as what an empty retention means. */
  defaultRetentionDays: number;
};

/** Form text to the API's shape: an empty retention means the station default (null). */
function fromForm(raw: Record<string, string>): Record<string, unknown> {
  const days = (raw.hlsRetentionDays ?? '').trim();
  return {
    ...raw,
    hlsRetentionDays: days === '' ? null : Number(days),
    archiveEnabled: raw.archiveEnabled === 'on',
    autoDjEnabled: raw.autoDjEnabled === 'on',
  };
}

async function validate(raw: Record<string, string>, save: (input: ChannelInput) => Promise<void>) {
  const parsed = channelInputSchema.safeParse(fromForm(raw));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('. '));
  await save(parsed.data);
  return true;
}

/** Name, slug, zone, description and HLS retention of a channel, validated with the same schema as the API. */
export function ChannelForm({ initial, submitLabel, onSave, onCancel, idPrefix, defaultRetentionDays }: ChannelFormProps) {
  const { run, pending, error } = useApiAction(validate);
  // A new form after each create: slug suggestion and zone picker start over.
  const [generation, setGeneration] = useState(0);

  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const formEl = event.currentTarget;
      const raw = Object.fromEntries([...new FormData(formEl).entries()].map(([k, v]) => [k, String(v)]));
      const saved = await run(raw, onSave);
      if (saved && !initial) {
        formEl.reset();
        setGeneration((g) => g + 1);
      }
    },
    [run, onSave, initial],
  );

  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form method="post" onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
      <NameAndSlug key={`n${generation}`} id={id} initial={initial} />
      <Field label="Time zone" htmlFor={id('timeZone')} hint="Search by city or region, e.g. Berlin. The schedule is kept in this zone.">
        <TimeZonePicker
          key={`z${generation}`}
          id={id('timeZone')}
          name="timeZone"
          initial={initial?.timeZone}
          describedBy={`${id('timeZone')}-hint`}
        />
      </Field>
      <Field label="Description" htmlFor={id('description')}>
        <Input id={id('description')} name="description" defaultValue={initial?.description} maxLength={500} />
      </Field>
      <Field
        label="Keep sets (days)"
        htmlFor={id('hlsRetentionDays')}
        hint={`Days an archived set stays in storage and the public archive. Empty: the station default (${defaultRetentionDays}).`}
      >
        <Input
          id={id('hlsRetentionDays')}
          name="hlsRetentionDays"
          inputMode="numeric"
          defaultValue={initial?.hlsRetentionDays ?? ''}
          placeholder={String(defaultRetentionDays)}
          maxLength={4}
          aria-describedby={`${id('hlsRetentionDays')}-hint`}
        />
      </Field>
      <label className="flex items-start gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="archiveEnabled" defaultChecked={initial?.archiveEnabled ?? true} className="mt-1" />
        <span>
          Archive sets: each finished set becomes a public recording (listen again, download, podcast). Off: a set&apos;s stream is deleted
          an hour after it ends.
        </span>
      </label>
      <AutoDjFields id={id} initial={initial} />
      <FormActions error={error} pending={pending} submitLabel={submitLabel} onCancel={onCancel} span="sm:col-span-2" />
    </form>
  );
}

/** Name and slug; the slug follows the name (suggestSlug) until the admin edits it, and never when editing a saved channel. */
function NameAndSlug({ id, initial }: { id: (name: string) => string; initial?: ChannelInput }) {
  const [slug, setSlug] = useState(initial?.slug ?? '');
  const [edited, setEdited] = useState(Boolean(initial));
  return (
    <>
      <Field label="Channel name" htmlFor={id('name')}>
        <Input
          id={id('name')}
          name="name"
          defaultValue={initial?.name}
          required
          maxLength={80}
          onChange={(e) => {
            if (!edited) setSlug(suggestSlug(e.target.value));
          }}
        />
      </Field>
      <Field label="Slug" htmlFor={id('slug')} hint="Used in the address: /c/your-slug">
        <Input
          id={id('slug')}
          name="slug"
          value={slug}
          required
          pattern="[a-z0-9-]+"
          maxLength={48}
          onChange={(e) => {
            setSlug(e.target.value);
            setEdited(true);
          }}
        />
      </Field>
    </>
  );
}

/** AutoDJ (docs/autodj.md): replays of the channel's public archived sets while nobody is on air. */
function AutoDjFields({ id, initial }: { id: (name: string) => string; initial?: ChannelInput }) {
  return (
    <>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="autoDjEnabled" defaultChecked={initial?.autoDjEnabled ?? false} className="mt-1" />
        <span>AutoDJ: while nobody is on air, replay archived sets (hidden sets are skipped; a DJ going live takes over).</span>
      </label>
      <Field label="AutoDJ plays" htmlFor={id('autoDjSource')} hint="Pick sets on the channel's past-sets page.">
        <Select id={id('autoDjSource')} name="autoDjSource" defaultValue={initial?.autoDjSource ?? 'all'}>
          <option value="all">Every public archived set</option>
          <option value="picked">Only the sets picked for AutoDJ</option>
        </Select>
      </Field>
      <Field label="AutoDJ order" htmlFor={id('autoDjOrder')}>
        <Select id={id('autoDjOrder')} name="autoDjOrder" defaultValue={initial?.autoDjOrder ?? 'newest'}>
          <option value="newest">Newest set first</option>
          <option value="shuffle">Shuffled</option>
        </Select>
      </Field>
    </>
  );
}
