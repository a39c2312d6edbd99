'use client';
import { useEffect, useState, type RefObject } from 'react';
import { RoomAudioRenderer } from '@livekit/components-react';
import { Button } from '@/components/ui/Button';
import type { ListenerPhase } from '@/lib/client/listening/listener-state';

export type PlayerControlsProps = {
  phase: ListenerPhase;
  audioBlocked: boolean;
  /** The element HLS plays through (hls.js attaches Media Source to it). */
  hlsAudioRef: RefObject<HTMLAudioElement | null>;
  onPlay: () => void;
  onStop: () => void;
  onStartAudio: () => void;
};

/**
 * Play/Stop, the autoplay unlock button, volume, and the (invisible) players: the room's
 * audio through RoomAudioRenderer (RoomContext above), HLS through its own element.
 */
export function PlayerControls({ phase, audioBlocked, hlsAudioRef, onPlay, onStop, onStartAudio }: PlayerControlsProps) {
  const [volume, setVolume] = useState(1);
  const active = phase !== 'idle' && phase !== 'error';

  useEffect(() => {
    if (hlsAudioRef.current) hlsAudioRef.current.volume = volume;
  }, [hlsAudioRef, volume]);

  return (
    <div className="flex flex-wrap items-center gap-4">
      {active ? (
        <Button data-testid="stop-button" variant="secondary" size="lg" onClick={onStop}>
          <span aria-hidden="true">■</span> Stop
        </Button>
      ) : (
        <Button data-testid="play-button" size="lg" onClick={onPlay}>
          <span aria-hidden="true">▶</span> Play
        </Button>
      )}
      {active && audioBlocked && (
        <Button data-testid="start-audio-button" variant="danger" size="lg" onClick={onStartAudio}>
          Tap to start audio
        </Button>
      )}
      <label className="flex items-center gap-2 text-sm text-muted">
        Volume
        <input
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={volume}
          onChange={(e) => setVolume(Number(e.target.value))}
          className="w-32 accent-accent"
        />
      </label>
      {/* Hidden: playback needs no visible controls, and the live stream cannot be scrubbed. */}
      <div data-testid="listener-audio" className="hidden">
        <RoomAudioRenderer volume={volume} />
      </div>
      <audio ref={hlsAudioRef} data-testid="listener-hls-audio" className="hidden" />
    </div>
  );
}
