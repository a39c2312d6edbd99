import { BpmAnalyzer, type AnalyzerOptions } from './analyzer';

/** The worklet's render quantum: offline runs feed the analyser exactly as the browser does. */
export const RENDER_QUANTUM = 128;

export type TimedEstimate = { t: number; bpm: number | null; confidence: number };

export type SignalAnalysis = {
  /** Last tempo reported with a beat, or null if the signal never had one. */
  bpm: number | null;
  /** Whether the end of the signal still had a beat. */
  beatAtEnd: boolean;
  confidence: number;
  updates: TimedEstimate[];
};

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Run a whole mono signal through a fresh analyser block by block, collecting every update. */
export function analyzeSignal(mono: Float32Array, sampleRate: number, options: AnalyzerOptions = {}): SignalAnalysis {
  const analyzer = new BpmAnalyzer(sampleRate, options);
  const updates: TimedEstimate[] = [];
  let bpm: number | null = null;
  let confidence = 0;
  for (let i = 0; i < mono.length; i += RENDER_QUANTUM) {
    if (!analyzer.process(mono, i, Math.min(RENDER_QUANTUM, mono.length - i))) continue;
    const e = analyzer.estimate;
    const has = e.bpm > 0;
    updates.push({ t: round(e.time, 3), bpm: has ? round(e.bpm, 2) : null, confidence: round(e.confidence, 3) });
    if (has) {
      bpm = round(e.bpm, 2);
      confidence = round(e.confidence, 3);
    }
  }
  return { bpm, beatAtEnd: (updates.at(-1)?.bpm ?? null) !== null, confidence, updates };
}
