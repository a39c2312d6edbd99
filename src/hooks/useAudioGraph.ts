'use client';
import { useCallback, useEffect, useState } from 'react';
import { closeAudioGraph, connectSource, createAudioGraph, type AudioGraph } from '@/lib/client/audio/audio-graph';

export type AudioGraphHandle = {
  graph: AudioGraph | null;
  /** False while the browser keeps the AudioContext suspended (autoplay policy) until a click. */
  running: boolean;
  /** Resume the context; call from a click handler. */
  resume: () => Promise<void>;
};

/** Owns the DJ's AudioContext and graph for the component's lifetime; `stream` is (re)connected as the source. */
export function useAudioGraph(stream: MediaStream | null): AudioGraphHandle {
  const [graph, setGraph] = useState<AudioGraph | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    const g = createAudioGraph();
    const onState = () => setRunning(g.context.state === 'running');
    g.context.addEventListener('statechange', onState);
    onState();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the AudioContext exists only from here (client only, closed on unmount); its handle reaches render through state.
    setGraph(g);
    return () => {
      g.context.removeEventListener('statechange', onState);
      closeAudioGraph(g);
      setGraph(null);
    };
  }, []);

  useEffect(() => {
    if (!graph || !stream) return;
    return connectSource(graph, stream);
  }, [graph, stream]);

  const resume = useCallback(async () => {
    if (graph && graph.context.state === 'suspended') await graph.context.resume();
  }, [graph]);

  return { graph, running, resume };
}
