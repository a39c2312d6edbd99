'use client';
import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Card } from '@/components/ui/Card';
import { cx } from '@/components/ui/cx';
import { formatDuration } from '@/lib/client/format-duration';
import { useSetTempo } from '@/hooks/useSetTempo';
import type { BroadcastSummary, BroadcastTempoResponse } from '@/types/tempo';
import { SetTempoCurve } from './SetTempoCurve';
import { SetArchiveControls } from './SetArchiveControls';
import { SetTracks } from './SetTracks';

export type PastSetsProps = {
  channel: { slug: string; name: string };
  broadcasts: BroadcastSummary[];
  /** The newest set's curve, rendered on the server. */
  initial: BroadcastTempoResponse | null;
  /** Admins may also delete sets. */
  isAdmin?: boolean;
};

/** Test sets last seconds; real ones minutes to hours. */
const length = (s: number) => (s < 60 ? `${s} s` : formatDuration(s * 1000));

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** A channel's recent sets (start, end, hosts, length) and the tempo curve of the one picked. */
export function PastSets({ channel, broadcasts, initial, isAdmin = false }: PastSetsProps) {
  const [selected, setSelected] = useState<string | null>(broadcasts[0]?.id ?? null);
  const { data, loading, error } = useSetTempo(channel.slug, selected, initial);
  // From the list (refreshed after a change), not the curve's copy.
  const picked = broadcasts.find((b) => b.id === selected) ?? null;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">Past sets on {channel.name}</h1>
      <Card title="Tempo curve" description="The BPM measured during the set, a point every 5 seconds.">
        {error && (
          <Alert tone="warning" title="Could not load this curve">
            {error}
          </Alert>
        )}
        {loading && !data && <p className="text-sm text-muted">Loading…</p>}
        {data && <SetTempoCurve points={data.points} />}
        {!selected && <p className="text-sm text-muted">No sets yet.</p>}
      </Card>
      {data && (
        <Card title="Tracks" description={`Most listeners at once: ${data.broadcast.peakListeners}.`}>
          <SetTracks tracks={data.tracks} />
        </Card>
      )}
      {picked && (
        <Card title="Archive" description="Listeners can play, download and subscribe to archived sets.">
          <SetArchiveControls key={picked.id} slug={channel.slug} set={picked} isAdmin={isAdmin} />
        </Card>
      )}
      <Card title="Recent sets">
        <ul className="divide-y divide-line text-sm" data-testid="past-sets">
          {broadcasts.map((b) => (
            <li key={b.id}>
              <button
                type="button"
                data-testid="past-set"
                data-broadcast-id={b.id}
                aria-pressed={b.id === selected}
                onClick={() => setSelected(b.id)}
                className={cx(
                  'flex w-full flex-wrap justify-between gap-2 px-2 py-2 text-left hover:bg-ink/5',
                  b.id === selected && 'bg-ink/10',
                )}
              >
                <span>
                  {when(b.startedAt)} – {b.endedAt ? when(b.endedAt) : <span className="font-semibold text-ok">on air</span>}
                </span>
                <span className="text-muted">{b.hosts.join(', ') || 'Unknown'}</span>
                <span data-testid="past-set-listeners" data-peak={b.peakListeners} className="text-muted tabular-nums">
                  {b.peakListeners} {b.peakListeners === 1 ? 'listener' : 'listeners'} at most
                </span>
                <span className="tabular-nums">{length(b.durationSeconds)}</span>
              </button>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
