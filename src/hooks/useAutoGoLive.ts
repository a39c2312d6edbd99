'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type DjSlot, shouldAutoGoLive } from '@/components/console/next-slot-plan';
import type { Publishing } from './usePublishing';

export type AutoGoLive = {
  enabled: boolean;
  setEnabled: (on: boolean) => void;
  /** The DJ stopped or cancelled by hand: the console does not rejoin this slot by itself. */
  skip: () => void;
};

type Options = {
  publishing: Pick<Publishing, 'phase' | 'error' | 'goLive'>;
  ready: boolean;
  next: DjSlot | null;
  greenRoomMs: number;
  now: number | null;
};

/**
 * "Go on air automatically at my next slot": while agreed and the page stays open, the console
 * joins the green room when it opens and the server puts it on air at the slot start. Off by
 * default and not remembered across page loads: publishing always starts from a DJ's choice here.
 */
export function useAutoGoLive({ publishing, ready, next, greenRoomMs, now }: Options): AutoGoLive {
  const [enabled, setEnabled] = useState(false);
  const skippedKey = useRef<string | null>(null);
  const last = useRef<{ key: string; at: number } | null>(null);
  const { phase, error, goLive } = publishing;
  const nextRef = useRef(next);
  useEffect(() => {
    nextRef.current = next;
  }, [next]);

  useEffect(() => {
    if (now === null) return;
    const input = { enabled, ready, phase, errorKind: error?.kind ?? null, next, greenRoomMs, now };
    if (!shouldAutoGoLive({ ...input, skippedKey: skippedKey.current, last: last.current })) return;
    last.current = { key: next?.key ?? '', at: now };
    void goLive();
  }, [enabled, ready, phase, error, next, greenRoomMs, now, goLive]);

  const skip = useCallback(() => {
    skippedKey.current = nextRef.current?.key ?? null;
  }, []);
  const set = useCallback((on: boolean) => {
    if (on) skippedKey.current = null; // agreeing again includes the slot stopped by hand
    setEnabled(on);
  }, []);
  return { enabled, setEnabled: set, skip };
}
