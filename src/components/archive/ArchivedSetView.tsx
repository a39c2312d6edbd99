'use client';
import { useState } from 'react';
import { SetTracks } from '@/components/tempo/SetTracks';
import { dayTimeIn, timeView, zoneLabel } from '@/components/listen/listener-times';
import { Button } from '@/components/ui/Button';
import { buttonClasses } from '@/components/ui/button-styles';
import { useViewerZone } from '@/hooks/useViewerZone';
import { formatStartTime } from '@/lib/archive/seek-plan';
import { setName } from '@/lib/archive/set-name';
import { formatClock } from '@/lib/client/format-duration';
import type { ArchivedSetDetail } from '@/types/archive';
import { CurveSeek } from './CurveSeek';
import { useSetMediaSession } from './useSetMediaSession';
import { useVodPlayer } from './useVodPlayer';

type Props = { set: ArchivedSetDetail; channel: { slug: string; name: string; timeZone: string } };

/** One recorded set: player, tempo curve to seek with, share link at a time, download, tracks. */
export function ArchivedSetView({ set, channel }: Props) {
  const { ref, position, seek } = useVodPlayer(set.playlistUrl, set.seconds);
  const view = timeView(useViewerZone(), channel.timeZone);
  useSetMediaSession(ref, { title: setName(set), artist: set.hosts.join(' & '), album: channel.name });

  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-muted">
        <time dateTime={set.startedAt}>{dayTimeIn(set.startedAt, view, null)}</time> · {formatClock(set.seconds * 1000)}
        {set.bpm ? ` · ${set.bpm.toFixed(1)} BPM` : ''} · <span>{zoneLabel(view)}</span>
      </p>
      <audio ref={ref} controls preload="metadata" data-testid="set-audio" className="w-full" aria-label={`Recording of ${setName(set)}`} />
      <SetActions slug={channel.slug} set={set} position={position} />
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">Tempo</h2>
        <p className="text-sm text-muted">Click the curve to play from that moment, or focus it and use the arrow keys.</p>
        <CurveSeek set={set} position={position} seek={seek} />
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">Tracks</h2>
        <SetTracks tracks={set.tracks} />
      </section>
    </div>
  );
}

/** Share a link that starts here (?t=), download the .m4a, the channel's podcast. */
function SetActions({ slug, set, position }: { slug: string; set: ArchivedSetDetail; position: number }) {
  const [copied, setCopied] = useState<string | null>(null);
  const share = async () => {
    const url = `${window.location.origin}/c/${slug}/sets/${set.id}?t=${formatStartTime(position)}`;
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(url);
  };
  return (
    <>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Button variant="secondary" size="sm" onClick={() => void share()} data-testid="set-share">
          Copy link at {formatStartTime(position)}
        </Button>
        <a className={buttonClasses({ variant: 'secondary', size: 'sm' })} href={set.downloadUrl} download data-testid="set-download">
          Download .m4a ({(set.bytes / 1_048_576).toFixed(1)} MB)
        </a>
        <a className="underline" href={`/c/${slug}/podcast.xml`}>
          Podcast feed
        </a>
      </div>
      {copied && (
        <p role="status" className="text-sm break-all" data-testid="set-share-url">
          Copied: {copied}
        </p>
      )}
    </>
  );
}
