'use client';
import { useEffect, useRef } from 'react';
import { shouldPublish, tempoAttributes, type BpmReading, type PublishedTempo } from '@/lib/bpm/publish';

/**
 * Mirrors the DJ's tempo into their LiveKit participant attributes while on air, throttled to real
 * changes. Attributes live in the room state, so listeners joining later see the current value.
 */
export function usePublishedTempo(
  reading: BpmReading | null,
  onAir: boolean,
  publish: (attributes: Record<string, string>) => Promise<void>,
): void {
  const publishedRef = useRef<PublishedTempo | null>(null);

  useEffect(() => {
    if (!onAir) publishedRef.current = null; // a new session starts with a fresh publish
  }, [onAir]);

  useEffect(() => {
    if (!onAir || !reading || !shouldPublish(publishedRef.current, reading)) return;
    publishedRef.current = { at: reading.at, bpm: reading.bpm };
    publish(tempoAttributes(reading)).catch(() => {
      publishedRef.current = null; // try again with the next estimate
    });
  }, [reading, onAir, publish]);
}
