'use client';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { RowActions } from '@/components/ui/RowActions';
import { Card } from '@/components/ui/Card';
import { buttonClasses } from '@/components/ui/button-styles';
import { useApiAction } from '@/hooks/useApiAction';
import { createChannel, deleteChannel, updateChannel } from '@/lib/api-client';
import type { AdminChannel, ChannelInput } from '@/types/channel';
import { ChannelForm } from './ChannelForm';

export type ChannelManagerProps = { channels: AdminChannel[]; defaultRetentionDays: number; onChanged: () => void };

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** Lists channels with create, edit and delete. */
export function ChannelManager({ channels, defaultRetentionDays, onChanged }: ChannelManagerProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useApiAction(async (channel: AdminChannel) => {
    if (!window.confirm(`Delete "${channel.name}"? Anyone on air there is disconnected.`)) return;
    await deleteChannel(channel.id);
    onChanged();
  });

  const create = useCallback(
    async (input: ChannelInput) => {
      await createChannel(input);
      onChanged();
    },
    [onChanged],
  );

  return (
    <Card title="Channels" description="Each channel is its own live stream with a public page.">
      <ul className="mb-6 divide-y divide-line" data-testid="admin-channel-list">
        {channels.length === 0 && <li className="py-3 text-sm text-muted">No channels yet. Create the first below.</li>}
        {channels.map((channel) => (
          <li key={channel.id} className="py-3" data-testid="admin-channel" data-slug={channel.slug}>
            {editing === channel.id ? (
              <ChannelForm
                idPrefix={`edit-${channel.id}`}
                initial={channel}
                defaultRetentionDays={defaultRetentionDays}
                submitLabel="Save"
                onCancel={() => setEditing(null)}
                onSave={async (input) => {
                  await updateChannel(channel.id, input);
                  setEditing(null);
                  onChanged();
                }}
              />
            ) : (
              <ChannelRow
                channel={channel}
                defaultRetentionDays={defaultRetentionDays}
                onEdit={() => setEditing(channel.id)}
                deleting={remove.pending}
                onDelete={() => void remove.run(channel)}
              />
            )}
          </li>
        ))}
      </ul>
      {remove.error && (
        <Alert tone="error" className="mb-4">
          {remove.error}
        </Alert>
      )}
      <h3 className="mb-3 text-sm font-semibold text-muted uppercase">New channel</h3>
      <ChannelForm idPrefix="new-channel" submitLabel="Create channel" defaultRetentionDays={defaultRetentionDays} onSave={create} />
    </Card>
  );
}

type ChannelRowProps = { channel: AdminChannel; defaultRetentionDays: number; onEdit: () => void; onDelete: () => void; deleting: boolean };

/** One channel in the list: name, address, zone, HLS retention, and its actions. */
function ChannelRow({ channel, defaultRetentionDays, onEdit, onDelete, deleting }: ChannelRowProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="min-w-0">
        <p className="font-medium">
          <Link href={`/c/${channel.slug}`} className="hover:underline">
            {channel.name}
          </Link>{' '}
          {channel.live.onAir && <Badge tone="live">On air</Badge>}
          {channel.live.replay && <Badge>Replay</Badge>}
        </p>
        <p className="text-sm text-muted" data-testid="admin-channel-details">
          /c/{channel.slug} · {channel.timeZone} ·{' '}
          {channel.archiveEnabled ? 'sets archived, kept ' : 'archive off; HLS kept an hour, archived sets '}
          {channel.hlsRetentionDays === null ? `${days(defaultRetentionDays)} (default)` : days(channel.hlsRetentionDays)}
          {channel.autoDjEnabled ? ` · AutoDJ on (${autoDjSummary(channel)})` : ''}
        </p>
      </div>
      <RowActions onEdit={onEdit} deleting={deleting} onDelete={onDelete}>
        <Link
          href={`/admin/channels/${channel.id}`}
          className={buttonClasses({ variant: 'secondary', size: 'sm' })}
          data-testid="schedule-link"
        >
          Schedule
        </Link>
      </RowActions>
    </div>
  );
}

/** "picked sets, shuffled": what AutoDJ plays, in the channel row's details. */
function autoDjSummary(channel: Pick<AdminChannel, 'autoDjOrder' | 'autoDjSource'>): string {
  const order = channel.autoDjOrder === 'shuffle' ? 'shuffled' : 'newest first';
  return channel.autoDjSource === 'picked' ? `picked sets, ${order}` : order;
}
