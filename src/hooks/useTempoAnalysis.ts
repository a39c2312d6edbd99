'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_RANGE, type RangePresetId } from '@/lib/bpm/range';
import {
  BPM_PROCESSOR_NAME,
  BPM_WORKLET_URL,
  type BpmProcessorOptions,
  type FromBpmProcessor,
  type ToBpmProcessor,
} from '@/lib/bpm/worklet-protocol';
import type { AudioGraph } from '@/lib/client/audio/audio-graph';
import { addTap, appendCurve, tapTempo, type BpmReading, type CurvePoint } from '@/lib/client/tempo/tempo-state';

export type TempoAnalysis = {
  reading: BpmReading | null;
  curve: readonly CurvePoint[];
  range: RangePresetId;
  setRange: (range: RangePresetId) => void;
  /** Tap along with the beat: from the third tap the estimate keeps to the tapped octave. */
  tap: () => void;
  /** The tempo the DJ tapped (the octave hint in force), or null. */
  tapped: number | null;
  clearTap: () => void;
  error: string | null;
};

/** Context clock (s) -> epoch ms, through the page's performance clock. */
function contextToEpoch(context: AudioContext, t: number): number {
  return performance.timeOrigin + performance.now() - (context.currentTime - t) * 1000;
}

/**
 * Realtime tempo of the DJ's program signal: an AudioWorklet on the graph's stereo bus (the signal
 * that is published), one per graph. Estimates arrive about five times a second.
 */
export function useTempoAnalysis(graph: AudioGraph | null): TempoAnalysis {
  const [reading, setReading] = useState<BpmReading | null>(null);
  const [curve, setCurve] = useState<readonly CurvePoint[]>([]);
  const [range, setRangeState] = useState<RangePresetId>(DEFAULT_RANGE.id);
  const [tapped, setTapped] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const portRef = useRef<MessagePort | null>(null);
  const tapsRef = useRef<number[]>([]);
  const rangeRef = useRef(range);

  const send = (message: ToBpmProcessor) => portRef.current?.postMessage(message);

  useEffect(() => {
    if (!graph) return;
    const { context, program } = graph;
    let node: AudioWorkletNode | null = null;
    let cancelled = false;
    context.audioWorklet
      .addModule(BPM_WORKLET_URL)
      .then(() => {
        if (cancelled) return;
        node = createBpmNode(context, rangeRef.current, (next) => {
          setReading(next);
          setCurve((c) => appendCurve(c, next));
        });
        node.onprocessorerror = () => setError('The tempo analysis stopped.');
        program.connect(node);
        portRef.current = node.port;
      })
      .catch(() => !cancelled && setError('The tempo analysis could not start in this browser.'));
    return () => {
      cancelled = true;
      portRef.current = null;
      if (node) {
        program.disconnect(node);
        node.port.onmessage = null;
        node.port.close();
      }
      setReading(null);
    };
  }, [graph]);

  const setRange = useCallback((next: RangePresetId) => {
    rangeRef.current = next;
    setRangeState(next);
    setTapped(null);
    tapsRef.current = [];
    send({ type: 'range', range: next });
  }, []);

  const tap = useCallback(() => {
    tapsRef.current = addTap(tapsRef.current, performance.now());
    const bpm = tapTempo(tapsRef.current);
    if (bpm === null) return;
    setTapped(bpm);
    send({ type: 'tap', bpm });
  }, []);

  const clearTap = useCallback(() => {
    tapsRef.current = [];
    setTapped(null);
    send({ type: 'tap', bpm: null });
  }, []);

  return { reading, curve, range, setRange, tap, tapped, clearTap, error };
}

/** The BPM worklet node (stereo in, no output), reporting each estimate as a reading on the page's clock. */
function createBpmNode(context: AudioContext, range: RangePresetId, onReading: (reading: BpmReading) => void): AudioWorkletNode {
  const processorOptions: BpmProcessorOptions = { range };
  const node = new AudioWorkletNode(context, BPM_PROCESSOR_NAME, {
    numberOfInputs: 1,
    numberOfOutputs: 0,
    channelCount: 2,
    channelCountMode: 'explicit',
    processorOptions,
  });
  node.port.onmessage = (event: MessageEvent<FromBpmProcessor>) => {
    const m = event.data;
    if (m.type !== 'estimate') return;
    onReading({
      bpm: m.bpm > 0 ? m.bpm : null,
      confidence: m.confidence,
      lastBeat: m.lastBeat >= 0 ? contextToEpoch(context, m.lastBeat) : null,
      at: contextToEpoch(context, m.at),
    });
  };
  return node;
}
