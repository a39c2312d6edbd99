'use client';
import { useCallback, useEffect, useReducer, useState } from 'react';
import { captureConstraints } from '@/lib/client/publishing/publish-options';
import { classifyError, problem, type Problem } from '@/lib/client/publishing/problems';

export type InputStream = {
  stream: MediaStream | null;
  error: Problem | null;
  /** Ask again, e.g. after the DJ changed a blocked permission. */
  retry: () => void;
};

/**
 * The DJ's capture stream from getUserMedia (music constraints) for one device;
 * `deviceId` null means the browser default. Tracks are stopped when the device changes
 * or the component unmounts, including a request that resolves after cleanup.
 */
export function useInputStream(deviceId: string | null): InputStream {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const [nonce, bump] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- navigator exists only on the client; deciding in render would differ from the server render.
      setError(problem('unsupported'));
      return;
    }
    let cancelled = false;
    let acquired: MediaStream | null = null;
    const onEnded = () => {
      if (!cancelled) setError(problem('device-lost'));
    };

    setError(null);
    media
      .getUserMedia(captureConstraints(deviceId))
      .then((s) => {
        acquired = s;
        if (cancelled) {
          s.getTracks().forEach((t) => t.stop());
          return;
        }
        s.getAudioTracks().forEach((t) => t.addEventListener('ended', onEnded));
        setStream(s);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(classifyError(e));
      });

    return () => {
      cancelled = true;
      acquired?.getTracks().forEach((t) => {
        t.removeEventListener('ended', onEnded);
        t.stop();
      });
      setStream(null);
    };
  }, [deviceId, nonce]);

  const retry = useCallback(() => bump(), []);
  return { stream, error, retry };
}
