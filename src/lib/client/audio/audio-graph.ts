/**
 * The DJ's Web Audio graph:
 *
 *   MediaStreamSource ─▶ input (stereo bus) ─▶ level worklet ─▶ program ─┬─▶ output (MediaStreamAudioDestinationNode) ─▶ published track
 *                        (trim, leveller, true-peak limiter, meters)      └─▶ BPM AudioWorklet
 *
 * Until the level worklet has loaded, `input` feeds `program` directly. The source is swapped when
 * the DJ picks another device while the output track stays the same, so a live set survives an
 * input change. Everything downstream of `program` hears exactly what listeners get.
 */
export type AudioGraph = {
  context: AudioContext;
  input: GainNode;
  program: GainNode;
  output: MediaStreamAudioDestinationNode;
};

const stereo = { channelCount: 2, channelCountMode: 'explicit', channelInterpretation: 'speakers' } as const;

export function createAudioGraph(): AudioGraph {
  const context = new AudioContext({ latencyHint: 'interactive' });
  // Explicit stereo with "speakers" interpretation: a mono input feeds both L and R.
  const input = new GainNode(context, stereo);
  const program = new GainNode(context, stereo);
  const output = new MediaStreamAudioDestinationNode(context, { channelCount: 2 });
  input.connect(program);
  program.connect(output);
  return { context, input, program, output };
}

/** Put a processor between `input` and `program`; returns the undo (the direct path again). */
export function insertProcessor(graph: AudioGraph, node: AudioNode): () => void {
  graph.input.disconnect(graph.program);
  graph.input.connect(node);
  node.connect(graph.program);
  return () => {
    graph.input.disconnect(node);
    node.disconnect();
    graph.input.connect(graph.program);
  };
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
