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
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">Listening mode</legend>
        {MODES.map((m) => (
          <label
            key={m.mode}
            title={m.hint}
            className={cx(
              'cursor-pointer rounded-full border px-3 py-1',
              mode === m.mode ? 'border-accent text-accent' : 'border-line text-muted',
            )}
          >
            <input
              type="radio"
              name="listen-mode"
              value={m.mode}
              data-testid={`listen-mode-${m.mode}`}
              checked={mode === m.mode}
              onChange={() => onMode(m.mode)}
              className="sr-only"
            />
            {m.label}
          </label>
        ))}
        <span data-testid="listen-path" data-path={path ?? 'none'} className="text-muted">
          {path === 'hls' ? 'Playing via HLS' : path === 'webrtc' ? 'Playing via WebRTC' : ''}
          {fellBack ? ' (WebRTC failed, switched automatically)' : ''}
          {mode === 'hls' && !hlsAvailable ? 'HLS starts when the DJ is on air.' : ''}
        </span>
      </fieldset>
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
