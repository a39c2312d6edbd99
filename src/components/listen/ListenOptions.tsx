'use client';
import type { ListenMode, ListenPath } from '@/lib/client/listening/listen-path';
import { cx } from '@/components/ui/cx';

const MODES: { mode: ListenMode; label: string; hint: string }[] = [
  { mode: 'auto', label: 'Automatic', hint: 'Lowest latency, switches to HLS when needed' },
  { mode: 'webrtc', label: 'Low latency', hint: 'WebRTC, under a second behind' },
  { mode: 'hls', label: 'HLS', hint: 'A few seconds behind, most robust' },
];

export type ListenOptionsProps = {
  slug: string;
  mode: ListenMode;
  path: ListenPath | null;
  fellBack: boolean;
  hlsAvailable: boolean;
  onMode: (mode: ListenMode) => void;
};

/** How to listen (automatic / WebRTC / HLS), which path plays now, and links for other players. */
export function ListenOptions({ slug, mode, path, fellBack, hlsAvailable, onMode }: ListenOptionsProps) {
  const base = `/c/${encodeURIComponent(slug)}`;
  return (
    <div className="mt-5 flex flex-col gap-3 border-t border-line pt-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        {/*
          Toggle buttons (aria-pressed), not radios: in a radio group the arrow keys move focus
          and select at once (ARIA APG "Radio Group"; native radios do the same), and selecting
          here restarts the stream, a change a keyboard user must not trigger by moving through
          the options (WCAG 3.2.2 On Input). Each button is a Tab stop and switches only on
          Enter, Space or a click.
        */}
        <div role="group" aria-label="Listening mode" className="flex flex-wrap gap-2">
          {MODES.map((m) => (
            <button
              key={m.mode}
              type="button"
              title={m.hint}
              aria-pressed={mode === m.mode}
              data-testid={`listen-mode-${m.mode}`}
              onClick={() => mode !== m.mode && onMode(m.mode)}
              className={cx(
                'cursor-pointer rounded-full border px-3 py-1 transition-colors',
                mode === m.mode ? 'border-accent text-accent' : 'border-line text-muted hover:text-ink',
              )}
            >
              {m.label}
            </button>
          ))}
        </div>
        <span data-testid="listen-path" data-path={path ?? 'none'} aria-live="polite" className="text-muted">
          {path === 'hls' ? 'Playing via HLS' : path === 'webrtc' ? 'Playing via WebRTC' : ''}
          {fellBack ? ' (WebRTC failed, switched automatically)' : ''}
          {mode === 'hls' && !hlsAvailable ? 'HLS starts when the DJ is on air.' : ''}
        </span>
      </div>
      <p className="text-muted">
        Listen in your player (VLC, car, smart speaker):{' '}
        <a data-testid="listen-m3u-link" className="text-accent underline" href={`${base}/listen.m3u`} download>
          {slug}.m3u
        </a>{' '}
        or the stream URL{' '}
        <a data-testid="listen-hls-link" className="text-accent underline" href={`${base}/live.m3u8`}>
          {base}/live.m3u8
        </a>
      </p>
    </div>
  );
}
