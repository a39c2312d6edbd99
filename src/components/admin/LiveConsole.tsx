'use client';
import { ReplayLine } from '@/components/listen/ReplayLine';
import { DateTime } from 'luxon';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { OnAirFor } from '@/components/channels/OnAirFor';
import { LinkHealth } from '@/components/channels/LinkHealth';
import { useApiAction } from '@/hooks/useApiAction';
import { usePendingAction } from '@/hooks/usePendingAction';
import { useEventStream } from '@/hooks/useEventStream';
import { apiPaths, kickChannel } from '@/lib/api-client';
import { type ChannelSlotInfo, type ChannelState, type StationState, stationStateSchema } from '@/types/live';
import type { LinkQuality } from '@/types/link-quality';
import { ActionStatus } from './ActionStatus';

const slotText = (s: ChannelSlotInfo | null, zone: string, prefix: string) =>
  s
    ? `${prefix} ${s.title || 'Untitled'} · ${s.hosts.join(' & ')} · ${DateTime.fromISO(s.start, { zone }).toFormat('ccc HH:mm')}–${DateTime.fromISO(s.end, { zone }).toFormat('HH:mm')}`
    : `${prefix} —`;

/** Every channel live (pushed by the server): on air, who, since, listeners, connection, current and next slot, Kick. */
export function LiveConsole({ initial }: { initial: StationState }) {
  const { data, stale } = useEventStream(stationStateSchema, apiPaths.admin.events(), apiPaths.admin.state(), initial);
  const status = usePendingAction();
  const kick = useApiAction(async (channelId: string, name: string) => {
    if (!window.confirm(`Take ${name} off air? They cannot publish here again until their slot ends.`)) return;
    // 202: blocked already, LiveKit's side still pending: the status below follows it.
    const body = await kickChannel(channelId);
    status.track(body.action);
  });
  return (
    <Card title="Live" description="Updates by itself.">
      {stale && (
        <Alert tone="warning" className="mb-3">
          Live updates are interrupted; showing the last known state.
        </Alert>
      )}
      {kick.error && (
        <Alert tone="error" className="mb-3">
          {kick.error}
        </Alert>
      )}
      <ActionStatus
        action={status.action}
        onRetry={() => void status.retry()}
        retrying={status.retrying}
        error={status.error}
        className="mb-3"
      />
      <ul className="divide-y divide-line" data-testid="live-console">
        {data.channels.length === 0 && <li className="py-2 text-sm text-muted">No channels yet.</li>}
        {data.channels.map((c) => (
          <LiveChannelRow
            key={c.channel.id}
            state={c}
            link={data.links[c.channel.id] ?? null}
            kicking={kick.pending}
            onKick={(id, name) => void kick.run(id, name)}
          />
        ))}
      </ul>
    </Card>
  );
}

/** One channel's line: on air or not, who and since when, listeners, the DJ's connection, now and next, Kick while on air. */
function LiveChannelRow({
  state: { channel, now, next },
  link,
  kicking,
  onKick,
}: {
  state: ChannelState;
  /** The on-air DJ console's last report (none from OBS sets, nor when older than 15 s). */
  link: LinkQuality | null;
  kicking: boolean;
  onKick: (channelId: string, name: string) => void;
}) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="live-channel" data-slug={channel.slug}>
      <div className="min-w-0 text-sm">
        <p className="font-medium">
          {channel.name}{' '}
          {channel.live.onAir ? <Badge tone="live">On air</Badge> : <Badge>{channel.live.replay ? 'Replay' : 'Off air'}</Badge>}
        </p>
        <p>
          {channel.live.onAir ? (
            <>
              <span data-testid="live-dj">{channel.live.djName}</span> <OnAirFor since={channel.live.since} className="text-muted" />
            </>
          ) : channel.live.replay ? (
            <ReplayLine replay={channel.live.replay} slug={channel.slug} className="text-muted" />
          ) : (
            <span className="text-muted">Nobody on air</span>
          )}{' '}
          · {channel.live.listeners} {channel.live.listeners === 1 ? 'listener' : 'listeners'}
        </p>
        {channel.live.onAir && (
          <p>
            <LinkHealth link={link} />
          </p>
        )}
        <p className="text-muted">{slotText(now, channel.timeZone, 'Now:')}</p>
        <p className="text-muted">{slotText(next, channel.timeZone, 'Next:')}</p>
      </div>
      {channel.live.onAir && (
        <Button size="sm" variant="danger" busy={kicking} onClick={() => onKick(channel.id, channel.live.djName ?? 'the DJ')}>
          Kick
        </Button>
      )}
    </li>
  );
}
