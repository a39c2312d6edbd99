'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { insertProcessor, type AudioGraph } from '@/lib/client/audio/audio-graph';
import { createMeterStore, type MeterStore } from '@/lib/client/audio/meter-store';
import { foldReport, resetHolds, SILENT_METERS } from '@/lib/client/audio/program-meters';
import {
  LEVEL_PROCESSOR_NAME,
  LEVEL_WORKLET_URL,
  type FromLevelProcessor,
  type LevelProcessorOptions,
  type ToLevelProcessor,
} from '@/lib/loudness/worklet-protocol';

export type ProgramBus = {
  /** Read with `useSyncExternalStore` where meters are drawn (see MeterStore). */
  meters: MeterStore;
  trimDb: number;
  setTrimDb: (db: number) => void;
  leveller: boolean;
  setLeveller: (on: boolean) => void;
  /** Clear the clip light and the true-peak maximum. */
  resetHolds: () => void;
  error: string | null;
};

/**
 * The console's program bus: the level AudioWorklet (trim, leveller, true-peak limiter, meters)
 * inserted between the graph's input and its program bus, one per graph. Its reports drive the
 * meters; the integrated ("Set") loudness starts again each time `onAir` turns true.
 */
export function useProgramBus(graph: AudioGraph | null, onAir: boolean): ProgramBus {
  const [meters] = useState(() => createMeterStore(SILENT_METERS));
  const [trimDb, setTrimState] = useState(0);
  const [leveller, setLevellerState] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const portRef = useRef<MessagePort | null>(null);
  // Read when the node is created, so a graph rebuilt later starts with the DJ's settings.
  const settingsRef = useRef<LevelProcessorOptions>({ trimDb: 0, leveller: true });
  const send = (message: ToLevelProcessor) => portRef.current?.postMessage(message);

  useEffect(() => {
    if (!graph) return;
    const { context } = graph;
    let undo: (() => void) | null = null;
    let node: AudioWorkletNode | null = null;
    let cancelled = false;
    let last = performance.now();
    context.audioWorklet
      .addModule(LEVEL_WORKLET_URL)
      .then(() => {
        if (cancelled) return;
        node = createLevelNode(context, settingsRef.current, (report) => {
          const now = performance.now();
          // Computed here: React may run the updater later, after `last` has moved on.
          const elapsed = now - last;
          last = now;
          meters.update((m) => foldReport(m, report, elapsed, now));
        });
        node.onprocessorerror = () => setError('The level processing stopped; the input goes out unprocessed.');
        undo = insertProcessor(graph, node);
        portRef.current = node.port;
      })
      .catch(() => !cancelled && setError('The level processing could not start in this browser; the input goes out unprocessed.'));
    return () => {
      cancelled = true;
      portRef.current = null;
      undo?.();
      if (node) {
        node.port.onmessage = null;
        node.port.close();
      }
      meters.update(() => SILENT_METERS);
    };
  }, [graph, meters]);

  const setTrimDb = useCallback((db: number) => {
    settingsRef.current = { ...settingsRef.current, trimDb: db };
    setTrimState(db);
    send({ type: 'trim', db });
  }, []);

  const setLeveller = useCallback((on: boolean) => {
    settingsRef.current = { ...settingsRef.current, leveller: on };
    setLevellerState(on);
    send({ type: 'leveller', on });
  }, []);

  useEffect(() => {
    if (onAir) portRef.current?.postMessage({ type: 'reset-integrated' } satisfies ToLevelProcessor);
  }, [onAir]);

  const resetHoldsCb = useCallback(() => meters.update(resetHolds), [meters]);
  return { meters, trimDb, setTrimDb, leveller, setLeveller, resetHolds: resetHoldsCb, error };
}

/** The level worklet node (stereo in, stereo out), reporting to `onReport`. */
function createLevelNode(context: AudioContext, options: LevelProcessorOptions, onReport: (report: FromLevelProcessor) => void) {
  const node = new AudioWorkletNode(context, LEVEL_PROCESSOR_NAME, {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    outputChannelCount: [2],
    channelCount: 2,
    channelCountMode: 'explicit',
    processorOptions: options,
  });
  node.port.onmessage = (event: MessageEvent<FromLevelProcessor>) => {
    if (event.data.type === 'report') onReport(event.data);
  };
  return node;
}
