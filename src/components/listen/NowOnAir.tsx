import { ListenerCount } from '@/components/channels/ListenerCount';
import { OnAirFor } from '@/components/channels/OnAirFor';
import { ListenerTempo } from '@/components/tempo/ListenerTempo';
import type { LiveTempo } from '@/types/bpm';
import type { ChannelLive } from '@/types/channel';
import type { NowPlaying } from '@/types/now-playing';
import { NowPlayingLine } from './NowPlayingLine';
import { ReplayLine } from './ReplayLine';

type NowOnAirProps = { live: ChannelLive; tempo: LiveTempo | null; playing: NowPlaying | null; slug: string };

/** Who is on air (or why nobody is shown) with the show and track, the listener count and the tempo. */
export function NowOnAir({ live, tempo, playing, slug }: NowOnAirProps) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <p className="text-xs font-semibold tracking-widest text-muted uppercase">Now on air</p>
        {live.onAir ? (
          <>
            <p className="mt-1 text-xl font-semibold">
              <span data-testid="channel-dj-name">{live.djName ?? 'Unknown DJ'}</span>{' '}
              <OnAirFor since={live.since} className="text-sm font-normal text-muted" />
            </p>
            <NowPlayingLine playing={playing} />
          </>
        ) : live.replay ? (
          <p className="mt-1 text-xl font-semibold">
            <ReplayLine replay={live.replay} slug={slug} />
          </p>
        ) : (
          <p className="mt-1 text-xl font-semibold text-muted">{live.known ? 'Nobody right now' : 'Status unknown'}</p>
        )}
      </div>
      <div className="flex flex-col items-end gap-1">
        <ListenerCount count={live.listeners} className="text-sm" />
        <ListenerTempo tempo={tempo} />
      </div>
    </div>
  );
}
