import type { NowPlaying } from '@/types/now-playing';
import { cx } from '@/components/ui/cx';

/**
 * The show and the current track as the on-air DJ announced them; nothing when neither is known.
 * `compact` (the embed) shows the track alone on one line.
 */
export function NowPlayingLine({ playing, compact = false }: { playing: NowPlaying | null; compact?: boolean }) {
  const show = compact ? null : playing?.show;
  const track = playing?.track?.title;
  if (!show && !track) return null;
  return (
    <p data-testid="now-playing" className={cx('text-sm', compact ? 'truncate' : 'mt-1 flex flex-col')} aria-live="polite">
      {show && (
        <span data-testid="now-playing-show" className="font-medium">
          {show}
        </span>
      )}
      {track && (
        <span>
          <span className="text-muted">{compact ? '♪ ' : 'Now playing: '}</span>
          <span data-testid="now-playing-track">{track}</span>
        </span>
      )}
    </p>
  );
}
