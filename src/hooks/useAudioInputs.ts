'use client';
import { useCallback, useEffect, useReducer, useState } from 'react';
import { hasLabels, toAudioInputs, type AudioInput } from '@/lib/client/audio/audio-devices';

export type AudioInputs = {
  /** null until the first listing completes. */
  inputs: AudioInput[] | null;
  /** Whether labels are visible, i.e. microphone permission was granted. */
  labelled: boolean;
  /** List again, e.g. right after permission was granted (labels appear then). */
  refresh: () => void;
};

/** The audio input list, kept fresh on `devicechange` (interfaces plugged in or out). */
export function useAudioInputs(): AudioInputs {
  const [inputs, setInputs] = useState<AudioInput[] | null>(null);
  const [labelled, setLabelled] = useState(false);
  const [nonce, bump] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- navigator exists only on the client; deciding in render would differ from the server render.
      setInputs([]);
      return;
    }
    let cancelled = false;
    const list = () => {
      media
        .enumerateDevices()
        .then((devices) => {
          if (cancelled) return;
          setInputs(toAudioInputs(devices));
          setLabelled(hasLabels(devices));
        })
        .catch(() => {
          if (!cancelled) setInputs([]);
        });
    };
    list();
    media.addEventListener('devicechange', list);
    return () => {
      cancelled = true;
      media.removeEventListener('devicechange', list);
    };
  }, [nonce]);

  const refresh = useCallback(() => bump(), []);
  return { inputs, labelled, refresh };
}
