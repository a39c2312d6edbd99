/**
 * The DJ's Web Audio graph:
 *
 *   MediaStreamSource ─▶ input (stereo bus) ─┬─▶ splitter ─▶ analyser L / analyser R (meters)
 *                                            └─▶ output (MediaStreamAudioDestinationNode) ─▶ published track
 *
 * The source is swapped when the DJ picks another device while the output track stays the same,
 * so a live set survives an input change. Later taps (BPM AudioWorklet, input gain) hang off `input`.
 */
export type AudioGraph = {
  context: AudioContext;
  input: GainNode;
  analysers: readonly [AnalyserNode, AnalyserNode];
  output: MediaStreamAudioDestinationNode;
};

export function createAudioGraph(): AudioGraph {
  const context = new AudioContext({ latencyHint: 'interactive' });
  // Explicit stereo with "speakers" interpretation: a mono input feeds both L and R.
  const input = new GainNode(context, {
    channelCount: 2,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
  });
  const splitter = new ChannelSplitterNode(context, { numberOfOutputs: 2 });
  const analyser = () => new AnalyserNode(context, { fftSize: 1024, smoothingTimeConstant: 0 });
  const analysers = [analyser(), analyser()] as const;
  const output = new MediaStreamAudioDestinationNode(context, { channelCount: 2 });

  input.connect(splitter);
  splitter.connect(analysers[0], 0);
  splitter.connect(analysers[1], 1);
  input.connect(output);
  return { context, input, analysers, output };
}

/** Feed a capture stream into the graph; returns the undo. */
export function connectSource(graph: AudioGraph, stream: MediaStream): () => void {
  const source = new MediaStreamAudioSourceNode(graph.context, { mediaStream: stream });
  source.connect(graph.input);
  return () => source.disconnect();
}

export function closeAudioGraph(graph: AudioGraph): void {
  graph.output.stream.getTracks().forEach((t) => t.stop());
  void graph.context.close().catch(() => undefined);
}
