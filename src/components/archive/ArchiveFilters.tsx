import { Alert } from '@/components/ui/Alert';
import { buttonClasses } from '@/components/ui/button-styles';
import { Field } from '@/components/ui/Field';
import { Input } from '@/components/ui/Input';
import { Select } from '@/components/ui/Select';
import type { ArchiveQuery } from '@/types/archive';

type Props = { slug: string; djs: string[]; query: ArchiveQuery; invalid: boolean; timeZone: string };

/** The archive's search: a plain GET form, so it works before (and without) JavaScript and links can be shared. */
export function ArchiveFilters({ slug, djs, query, invalid, timeZone }: Props) {
  return (
    <form method="get" action={`/c/${slug}/sets`} className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="archive-filters">
      {invalid && (
        <Alert tone="warning" title="Filters not understood" className="col-span-full">
          Dates are YYYY-MM-DD and tempos 20 to 300 BPM; showing every set.
        </Alert>
      )}
      <Field label="DJ" htmlFor="f-dj" className="col-span-2 sm:col-span-1">
        <Select id="f-dj" name="dj" defaultValue={query.dj ?? ''}>
          <option value="">Any DJ</option>
          {djs.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From" htmlFor="f-from" hint={`Days in ${timeZone}`}>
        <Input id="f-from" name="from" type="date" defaultValue={query.from ?? ''} aria-describedby="f-from-hint" />
      </Field>
      <Field label="To" htmlFor="f-to">
        <Input id="f-to" name="to" type="date" defaultValue={query.to ?? ''} />
      </Field>
      <Field label="Min BPM" htmlFor="f-min">
        <Input id="f-min" name="minBpm" type="number" min={20} max={300} step="0.1" defaultValue={query.minBpm ?? ''} />
      </Field>
      <Field label="Max BPM" htmlFor="f-max">
        <Input id="f-max" name="maxBpm" type="number" min={20} max={300} step="0.1" defaultValue={query.maxBpm ?? ''} />
      </Field>
      <div className="col-span-full flex gap-3">
        <button type="submit" className={buttonClasses({ variant: 'primary', size: 'sm' })}>
          Search
        </button>
        <a href={`/c/${slug}/sets`} className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
          Clear
        </a>
      </div>
    </form>
  );
}
