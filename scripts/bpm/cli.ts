/**
 * npm run bpm -- FILE.wav [--realtime] [--range auto|60-120|70-140|85-170]
 * Prints one JSON object on its last line: {"bpm": <final estimate or null>, ...}; with --realtime
 * also "updates", the estimate over time computed block by block exactly as the DJ console's worklet.
 */
import { readFile } from 'node:fs/promises';
import { analyzeSignal, isRangePresetId, RANGE_PRESET_IDS, RANGE_PRESETS } from '../../src/lib/bpm';
import { decodeWav, WavError } from '../../src/lib/wav';

const USAGE = `usage: npm run bpm -- FILE.wav [--realtime] [--range ${RANGE_PRESET_IDS.join('|')}]`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; realtime: boolean; range: keyof typeof RANGE_PRESETS } {
  let file: string | null = null;
  let realtime = false;
  let range: keyof typeof RANGE_PRESETS = 'auto';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--realtime') realtime = true;
    else if (arg === '--range') {
      const value = argv[++i];
      if (!isRangePresetId(value)) throw new UsageError(`--range must be one of ${RANGE_PRESET_IDS.join(', ')}`);
      range = value;
    } else if (arg === '-h' || arg === '--help') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (file === null) file = arg;
    else throw new UsageError('only one file at a time');
  }
  if (file === null) throw new UsageError('no file given');
  return { file, realtime, range };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) console.error(`bpm: ${e.message}`);
    console.error(USAGE);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(args.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    console.error(`bpm: cannot read ${args.file} (${code})`);
    return 1;
  }
  let wav: ReturnType<typeof decodeWav>;
  try {
    wav = decodeWav(bytes);
  } catch (e) {
    if (!(e instanceof WavError)) throw e;
    console.error(`bpm: ${args.file}: ${e.message}`);
    return 1;
  }
  const started = performance.now();
  const result = analyzeSignal(wav.mono, wav.sampleRate, { range: RANGE_PRESETS[args.range] });
  const cpuSeconds = (performance.now() - started) / 1000;
  const duration = wav.mono.length / wav.sampleRate;
  const summary = {
    bpm: result.bpm,
    confidence: result.confidence,
    beatAtEnd: result.beatAtEnd,
    range: args.range,
    duration: Number(duration.toFixed(3)),
    sampleRate: wav.sampleRate,
    channels: wav.channels,
    encoding: `${wav.bitsPerSample}-bit ${wav.format}`,
    realtimeFactor: Number((cpuSeconds / duration).toFixed(5)),
    ...(args.realtime ? { updates: result.updates } : {}),
  };
  console.log(JSON.stringify(summary));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`bpm: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
