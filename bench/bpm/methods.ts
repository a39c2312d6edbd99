/** Every method of the comparison behind one interface; peers run with the same fixed range where they take one. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { analyzeSignal, DEFAULT_RANGE, type AnalyzerOptions } from '../../src/lib/bpm';
import { lowpass } from './biquad';

export type Point = { t: number; bpm: number | null };
export type MethodResult = { bpm: number | null; series: Point[] | null };
export type Method = {
  name: string;
  realtime: boolean;
  /** How it was run, printed under the table. */
  note: string;
  /** Throws (with the reason) when the method cannot run on this machine. */
  check?: () => Promise<void> | void;
  run: (audio: Float32Array, sampleRate: number, file: string) => Promise<MethodResult>;
};

const RANGE = { min: DEFAULT_RANGE.min, max: DEFAULT_RANGE.max };
const requireCjs = createRequire(__filename);

export function ours(options: AnalyzerOptions = {}): Method {
  return {
    name: 'this project (src/lib/bpm)',
    realtime: true,
    note: 'realtime, 128-sample blocks as in the worklet, default preset Auto 60-200',
    run: async (audio, sampleRate) => {
      const r = analyzeSignal(audio, sampleRate, options);
      return { bpm: r.updates.at(-1)?.bpm ?? null, series: r.updates.map((u) => ({ t: u.t, bpm: u.bpm })) };
    },
  };
}

type RtMessage = { type: string; data?: { bpm?: { tempo: number }[] } };
type RtAnalyzer = {
  analyzeChunk(o: {
    audioSampleRate: number;
    channelData: Float32Array;
    bufferSize: number;
    postMessage: (m: RtMessage) => void;
  }): Promise<void>;
};

const realtimeBpmAnalyzer: Method = {
  name: 'realtime-bpm-analyzer 5.0.15',
  realtime: true,
  note: 'its RealTimeBpmAnalyzer core fed 4096-sample chunks as its worklet does, after its 200 Hz low-pass; continuousAnalysis on; range fixed by the library (90-180)',
  run: async (audio, sampleRate) => {
    const lib = requireCjs('realtime-bpm-analyzer') as { RealTimeBpmAnalyzer: new (o: object) => RtAnalyzer };
    const analyzer = new lib.RealTimeBpmAnalyzer({ continuousAnalysis: true, stabilizationTime: 20_000 });
    const x = lowpass(audio, sampleRate, 200, 1);
    const series: Point[] = [];
    const size = 4096;
    let current: number | null = null;
    for (let i = 0; i + size <= x.length; i += size) {
      const chunk = x.slice(i, i + size);
      await analyzer.analyzeChunk({
        audioSampleRate: sampleRate,
        channelData: chunk,
        bufferSize: size,
        postMessage: (m) => {
          if (m.type === 'bpm') current = m.data?.bpm?.[0]?.tempo ?? current;
          if (m.type === 'analyzerReset') current = null;
        },
      });
      series.push({ t: (i + size) / sampleRate, bpm: current });
    }
    return { bpm: series.at(-1)?.bpm ?? null, series };
  },
};

const webAudioBeatDetector: Method = {
  name: 'web-audio-beat-detector 8.2.39',
  realtime: false,
  note: 'offline; its worker analysis (web-audio-beat-detector-worker) on the whole piece after the same 240 Hz low-pass its OfflineAudioContext applies; tempoSettings 60-200',
  run: async (audio, sampleRate) => {
    const { analyze } = (await import('web-audio-beat-detector-worker/build/es2019/helpers/analyze.js')) as {
      analyze: (d: Float32Array, sr: number, s: { minTempo: number; maxTempo: number }) => number;
    };
    try {
      return { bpm: analyze(lowpass(audio, sampleRate, 240, 1), sampleRate, { minTempo: RANGE.min, maxTempo: RANGE.max }), series: null };
    } catch {
      return { bpm: null, series: null };
    }
  },
};

const musicTempo: Method = {
  name: 'music-tempo 1.0.3',
  realtime: false,
  note: 'offline, whole piece; minBeatInterval 60/200 s, maxBeatInterval 1 s',
  run: async (audio) => {
    const MusicTempo = requireCjs('music-tempo') as new (d: Float32Array, p: object) => { tempo: string | number };
    try {
      const mt = new MusicTempo(audio, { minBeatInterval: 60 / RANGE.max, maxBeatInterval: 60 / RANGE.min });
      const bpm = Number(mt.tempo);
      return { bpm: Number.isFinite(bpm) && bpm > 0 ? bpm : null, series: null };
    } catch {
      return { bpm: null, series: null };
    }
  },
};

type EssentiaVector = { delete?: () => void };
type EssentiaApi = {
  arrayToVector(a: Float32Array): EssentiaVector;
  PercivalBpmEstimator(s: EssentiaVector, ...a: number[]): { bpm: number };
  RhythmExtractor2013(s: EssentiaVector, max: number, method: string, min: number): { bpm: number };
};
let essentia: EssentiaApi | null = null;
function getEssentia(): EssentiaApi {
  if (!essentia) {
    const pkg = requireCjs('essentia.js') as { Essentia: new (w: unknown) => EssentiaApi; EssentiaWASM: unknown };
    essentia = new pkg.Essentia(pkg.EssentiaWASM);
  }
  return essentia;
}

function essentiaMethod(name: string, note: string, call: (e: EssentiaApi, v: EssentiaVector, sr: number) => number): Method {
  return {
    name,
    realtime: false,
    note,
    check: () => void getEssentia(),
    run: async (audio, sampleRate) => {
      const e = getEssentia();
      const v = e.arrayToVector(audio);
      try {
        const bpm = call(e, v, sampleRate);
        return { bpm: bpm > 0 ? bpm : null, series: null };
      } finally {
        v.delete?.();
      }
    },
  };
}

const percival = essentiaMethod(
  'essentia.js 0.1.3 PercivalBpmEstimator',
  'offline, whole piece; minBPM 60, maxBPM 200, other parameters default',
  (e, v, sr) => e.PercivalBpmEstimator(v, 1024, 2048, 128, 128, RANGE.max, RANGE.min, sr).bpm,
);
const rhythm2013 = essentiaMethod(
  'essentia.js 0.1.3 RhythmExtractor2013',
  "offline, whole piece; method 'multifeature', minTempo 60, maxTempo 200 (needs 44.1 kHz: the set is)",
  (e, v) => e.RhythmExtractor2013(v, RANGE.max, 'multifeature', RANGE.min).bpm,
);

/** The aubio peer's Debian package, installed by the bench itself (as root; apt's output on stderr, not in the tables). */
function installAubio(): void {
  if (process.getuid?.() !== 0) throw new Error("aubio is missing: install Debian's aubio-tools (the bench does it when run as root)");
  const apt = (args: string[]) =>
    execFileSync('apt-get', args, { stdio: ['ignore', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const install = ['install', '-y', '-qq', '--no-install-recommends', 'aubio-tools'];
  try {
    apt(install);
  } catch {
    apt(['update', '-qq']); // a machine whose package lists are missing or stale
    apt(install);
  }
}

/** aubio's realtime beat tracker: a running tempo from the last four beat intervals, and `aubio tempo` as its final value. */
const aubio: Method = {
  name: 'aubio 0.4.9 (Debian aubio-tools)',
  realtime: true,
  note: '`aubio beat` beat times; running tempo = 60 / median of the last 4 intervals; final value from `aubio tempo`; no range option',
  check: () => {
    try {
      execFileSync('aubio', ['--version'], { stdio: 'ignore' });
    } catch {
      installAubio();
      execFileSync('aubio', ['--version'], { stdio: 'ignore' });
    }
  },
  run: async (_audio, _sr, file) => {
    const beats = execFileSync('aubio', ['beat', '-i', file], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number.parseFloat(l))
      .filter((t) => Number.isFinite(t));
    const series: Point[] = [];
    for (let i = 1; i < beats.length; i++) {
      const iv: number[] = [];
      for (let k = Math.max(1, i - 3); k <= i; k++) iv.push((beats[k] ?? 0) - (beats[k - 1] ?? 0));
      iv.sort((a, b) => a - b);
      const median = iv.length % 2 ? (iv[(iv.length - 1) / 2] ?? 0) : ((iv[iv.length / 2 - 1] ?? 0) + (iv[iv.length / 2] ?? 0)) / 2;
      series.push({ t: beats[i] ?? 0, bpm: median > 0 ? 60 / median : null });
    }
    const out = execFileSync('aubio', ['tempo', '-i', file], { encoding: 'utf8' });
    const bpm = Number.parseFloat(out.trim().split('\n').at(-1) ?? '');
    return { bpm: Number.isFinite(bpm) && bpm > 0 ? bpm : null, series };
  },
};

export function allMethods(tune?: AnalyzerOptions): Method[] {
  return [ours(tune), realtimeBpmAnalyzer, webAudioBeatDetector, musicTempo, percival, rhythm2013, aubio];
}
