import { cx } from '@/components/ui/cx';
import { listenerStatusText } from './listener-status-text';
import type { ListenerState } from '@/lib/client/listening/listener-state';

/** The player's one status line (waiting, playing, reconnecting, what failed). */
export function ListenerStatusLine({
  stream,
  onAir,
  replay = false,
}: {
  stream: Pick<ListenerState, 'phase' | 'error' | 'attempt'>;
  onAir: boolean;
  replay?: boolean;
}) {
  return (
    <p
      data-testid="listener-status"
      data-state={stream.phase}
      aria-live="polite"
      className={cx('mt-4 flex items-center gap-2 text-sm', stream.phase === 'error' ? 'text-danger' : 'text-muted')}
    >
      {stream.phase === 'playing' && <span aria-hidden="true" className="size-2 rounded-full bg-ok motion-safe:animate-pulse" />}
      {listenerStatusText(stream, onAir, replay)}
    </p>
  );
}
