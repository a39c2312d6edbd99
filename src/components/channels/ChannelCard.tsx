import Link from 'next/link';
import type { ChannelSummary } from '@/types/channel';
import { cx } from '@/components/ui/cx';
import { ListenerCount } from './ListenerCount';
import { LiveBadge } from './LiveBadge';
import { OnAirFor } from './OnAirFor';

export type ChannelCardProps = {
  channel: ChannelSummary;
  /** Where the card leads: the public player or the DJ console. */
  href: string;
  /** Visible call to action, e.g. "Listen" or "Open console". */
  actionLabel: string;
};

/** One channel in a grid: name, live state, who is on, how many listen. The whole card is clickable. */
export function ChannelCard({ channel, href, actionLabel }: ChannelCardProps) {
  const { live } = channel;
  return (
    <li
      data-testid="channel-card"
      data-slug={channel.slug}
      data-live={live.onAir ? 'true' : 'false'}
      data-known={live.known ? 'true' : 'false'}
      className={cx(
        'relative flex flex-col gap-3 rounded-xl border bg-panel p-5 transition-colors',
        // The link's focus ring is drawn around the whole card, since the whole card is its target.
        'hover:border-muted has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-accent',
        live.onAir ? 'border-onair/60' : 'border-line',
      )}
    >
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-lg font-semibold tracking-tight">
          <Link href={href} className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none">
            {channel.name}
          </Link>
        </h2>
        <LiveBadge onAir={live.onAir} known={live.known} replay={Boolean(live.replay)} />
      </div>
      {channel.description && <p className="line-clamp-2 text-sm text-muted">{channel.description}</p>}
      <div className="mt-auto flex flex-wrap items-center justify-between gap-2 border-t border-line pt-3 text-sm">
        {live.onAir ? (
          <p className="min-w-0">
            <span data-testid="channel-dj-name" className="font-medium text-ink">
              {live.djName ?? 'Unknown DJ'}
            </span>{' '}
            <OnAirFor since={live.since} className="text-muted" />
          </p>
        ) : (
          <p className="text-muted">{live.known ? 'Nobody on air' : 'Live status unavailable'}</p>
        )}
        <div className="flex items-center gap-3">
          {live.onAir && <ListenerCount count={live.listeners} />}
          <span aria-hidden="true" className="font-medium text-accent">
            {actionLabel} →
          </span>
        </div>
      </div>
    </li>
  );
}
