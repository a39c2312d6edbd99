'use client';
import { type FormEvent } from 'react';
import { FormActions } from '@/components/ui/FormActions';
import { Card } from '@/components/ui/Card';
import { useApiAction } from '@/hooks/useApiAction';
import { setChannelDjs } from '@/lib/api-client';
import { channelDjsSchema, type SlotHostInfo } from '@/types/schedule';

export type DjRosterProps = { channelId: string; allDjs: SlotHostInfo[]; selected: SlotHostInfo[]; onSaved: (djs: SlotHostInfo[]) => void };

/** Which DJ accounts may hold slots on this channel. Taking a DJ off also takes them off the air here. */
export function DjRoster({ channelId, allDjs, selected, onSaved }: DjRosterProps) {
  const chosen = new Set(selected.map((d) => d.id));
  const { run, pending, error } = useApiAction(async (form: FormData) => {
    const parsed = channelDjsSchema.safeParse({ userIds: form.getAll('userIds').map(String) });
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('. '));
    const res = await setChannelDjs(channelId, parsed.data);
    onSaved(res.djs);
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(new FormData(event.currentTarget));
  };
  return (
    <Card title="DJs of this channel" description="Only these DJs can be hosts of slots here.">
      <form method="post" onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="dj-roster">
        {allDjs.length === 0 && <p className="text-sm text-muted">No DJ accounts yet: create one in Admin.</p>}
        <div className="flex flex-wrap gap-4">
          {allDjs.map((dj) => (
            <label key={dj.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="userIds" value={dj.id} defaultChecked={chosen.has(dj.id)} /> {dj.name}
            </label>
          ))}
        </div>
        <FormActions error={error} pending={pending} submitLabel="Save DJs" size="sm" />
      </form>
    </Card>
  );
}
