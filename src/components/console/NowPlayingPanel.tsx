'use client';
import { useCallback, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { Input } from '@/components/ui/Input';
import { useApiAction } from '@/hooks/useApiAction';
import { setNowPlaying } from '@/lib/api-client';
import { NOW_PLAYING_MAX_CHARS, type NowPlaying, type NowPlayingRequest } from '@/types/now-playing';

export type NowPlayingPanelProps = {
  slug: string;
  /** Someone is on air on the channel (this console or the DJ's OBS); the server checks it is this DJ. */
  onAir: boolean;
  /** What listeners see now (from the channel's live stream); null off air. */
  nowPlaying: NowPlaying | null;
};

type Send = (input: NowPlayingRequest) => Promise<unknown>;

/**
 * The show title and a quick "next track" entry: type and press Enter. Listeners get both on the
 * channel's live stream; the set keeps the track list with times. Hidden off air.
 */
export function NowPlayingPanel({ slug, onAir, nowPlaying }: NowPlayingPanelProps) {
  const send = useCallback((input: NowPlayingRequest) => setNowPlaying(slug, input), [slug]);
  const { run, pending, error } = useApiAction(send);
  if (!onAir) return null;
  return (
    <Card
      title="Now playing"
      description="Listeners see the show title and the current track at once; the set keeps every track with its time."
    >
      <div className="flex flex-col gap-4">
        <ShowTitleForm show={nowPlaying?.show ?? null} send={run} pending={pending} />
        <NextTrackForm send={run} />
        <p className="text-sm" aria-live="polite">
          <span className="text-muted">Current track: </span>
          <span data-testid="console-current-track" className="font-medium">
            {nowPlaying?.track?.title ?? 'none yet'}
          </span>
        </p>
        {error && (
          <Alert tone="error" data-testid="now-playing-error">
            {error}
          </Alert>
        )}
      </div>
    </Card>
  );
}

function ShowTitleForm({ show, send, pending }: { show: string | null; send: Send; pending: boolean }) {
  // null until the DJ edits it: until then the field follows the title listeners see.
  const [draft, setDraft] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (draft !== null && (await send({ show: draft }))) setDraft(null);
  };
  return (
    <form onSubmit={save} className="flex flex-wrap items-end gap-2">
      <Field label="Show title" htmlFor="show-title" className="min-w-0 flex-1" hint="Empty: the slot’s title.">
        <Input
          id="show-title"
          data-testid="show-title-input"
          aria-describedby="show-title-hint"
          maxLength={NOW_PLAYING_MAX_CHARS}
          value={draft ?? show ?? ''}
          onChange={(e) => setDraft(e.target.value)}
        />
      </Field>
      <Button type="submit" variant="secondary" data-testid="show-title-save" disabled={draft === null || pending}>
        Set title
      </Button>
    </form>
  );
}

function NextTrackForm({ send }: { send: Send }) {
  const [track, setTrack] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const title = track.trim();
    if (!title) return;
    // Cleared at once, so the next title can be typed while this one is on its way; back on failure.
    setTrack('');
    if (!(await send({ track: title }))) setTrack((t) => t || title);
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <Field label="Next track" htmlFor="next-track" className="min-w-0 flex-1" hint="Type the artist and title, press Enter.">
        <Input
          id="next-track"
          data-testid="next-track-input"
          aria-describedby="next-track-hint"
          maxLength={NOW_PLAYING_MAX_CHARS}
          autoComplete="off"
          value={track}
          onChange={(e) => setTrack(e.target.value)}
        />
      </Field>
      <Button type="submit" data-testid="next-track-submit" disabled={!track.trim()}>
        Play next
      </Button>
    </form>
  );
}
