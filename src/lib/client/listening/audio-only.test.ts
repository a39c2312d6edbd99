import { Track } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { subscribeIfAudio, type Subscribable } from './audio-only';

function publication(kind: Track.Kind, isSubscribed = false): Subscribable & { calls: boolean[] } {
  const calls: boolean[] = [];
  return { kind, isSubscribed, calls, setSubscribed: (s) => calls.push(s) };
}

describe('subscribeIfAudio', () => {
  it('subscribes to audio', () => {
    const audio = publication(Track.Kind.Audio);
    subscribeIfAudio(audio);
    expect(audio.calls).toEqual([true]);
  });

  it('never subscribes to video or anything else, whatever its source claims', () => {
    const video = publication(Track.Kind.Video);
    const unknown = publication(Track.Kind.Unknown);
    subscribeIfAudio(video);
    subscribeIfAudio(unknown);
    expect([...video.calls, ...unknown.calls]).toEqual([]);
  });

  it('leaves an existing subscription alone', () => {
    const audio = publication(Track.Kind.Audio, true);
    subscribeIfAudio(audio);
    expect(audio.calls).toEqual([]);
  });
});
