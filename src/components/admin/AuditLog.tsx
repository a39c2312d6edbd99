'use client';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { Select } from '@/components/ui/Select';
import { ApiError, listAudit } from '@/lib/api-client';
import { useHydrated } from '@/hooks/useHydrated';
import { AUDIT_ACTIONS, type AuditEntryDto } from '@/types/audit';
import { AUDIT_LABELS, formatInstant, splitInstants } from './audit-format';

export type AuditLogProps = { channels: { id: string; name: string }[] };

/** The audit log, newest first, filtered by channel and action, paged with "Older". */
export function AuditLog({ channels }: AuditLogProps) {
  const [channelId, setChannelId] = useState('');
  const [action, setAction] = useState('');
  const [entries, setEntries] = useState<AuditEntryDto[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (before: string | null, signal?: AbortSignal) => {
      try {
        const res = await listAudit({ channelId, action, before, limit: 50 }, signal);
        setEntries((old) => (before ? [...old, ...res.entries] : res.entries));
        setNext(res.nextBefore);
        setError(null);
      } catch (e) {
        if (!signal?.aborted) setError(e instanceof ApiError ? e.message : 'Could not load the audit log.');
      }
    },
    [channelId, action],
  );
  // Reload from the first page whenever a filter changes (load changes with the filters).
  useEffect(() => {
    const controller = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its fetch resolves, never synchronously.
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <Card title="Audit log" description="Every admin action and every enforcement step: when (your time zone), who, what, where.">
      <AuditFilters channels={channels} channelId={channelId} action={action} onChannel={setChannelId} onAction={setAction} />
      {error && <Alert tone="error">{error}</Alert>}
      <AuditTable entries={entries} />
      {entries.length === 0 && !error && <p className="py-2 text-sm text-muted">Nothing logged yet.</p>}
      {next && (
        <Button size="sm" variant="secondary" className="mt-3" onClick={() => void load(next)}>
          Older
        </Button>
      )}
    </Card>
  );
}

type AuditFiltersProps = {
  channels: AuditLogProps['channels'];
  channelId: string;
  action: string;
  onChannel: (channelId: string) => void;
  onAction: (action: string) => void;
};

function AuditFilters({ channels, channelId, action, onChannel, onAction }: AuditFiltersProps) {
  return (
    <div className="mb-3 grid gap-3 sm:grid-cols-2">
      <Field label="Channel" htmlFor="audit-channel">
        <Select id="audit-channel" value={channelId} onChange={(e) => onChannel(e.target.value)}>
          <option value="">All channels</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Action" htmlFor="audit-action">
        <Select id="audit-action" value={action} onChange={(e) => onAction(e.target.value)}>
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {AUDIT_LABELS[a]}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

/** Entries as stacked rows (a table was 567 px wide on a 390 px phone): when, who, what; channel; detail. */
function AuditTable({ entries }: { entries: AuditEntryDto[] }) {
  const hydrated = useHydrated();
  return (
    <ol className="divide-y divide-line text-sm" data-testid="audit-log">
      {entries.map((e) => (
        <li key={e.id} className="flex flex-col gap-0.5 py-2" data-testid="audit-entry">
          <p className="flex flex-wrap gap-x-2">
            <When iso={e.at} hydrated={hydrated} />
            <span className="font-medium">{e.actor?.name ?? 'Station'}</span>
            <span>{AUDIT_LABELS[e.action] ?? e.action}</span>
            {e.channel && <span className="text-muted">on {e.channel.name}</span>}
          </p>
          {e.detail && (
            <p className="break-words text-muted">
              {splitInstants(e.detail).map((part, i) =>
                'instant' in part ? <When key={i} iso={part.instant} hydrated={hydrated} /> : <span key={i}>{part.text}</span>,
              )}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** An instant in the viewer's zone, formatted only after hydration (the server knows no viewer zone). */
function When({ iso, hydrated }: { iso: string; hydrated: boolean }) {
  return (
    <time dateTime={iso} className="text-muted tabular-nums" data-testid="audit-time">
      {hydrated ? formatInstant(iso) : iso}
    </time>
  );
}
