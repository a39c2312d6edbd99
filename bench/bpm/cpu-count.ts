/**
 * Instructions per second of audio for a bundled BPM worklet, independent of the machine's load:
 * `perf stat -e instructions` where the kernel exposes the counter (often not in VMs), else
 * valgrind's callgrind. The figure is the difference of two runs of bench/bpm/cpu-child.ts (3 and
 * 1 passes over the signal), so Node's start-up, the JIT's warm-up and the synthesis cancel.
 * Under callgrind V8's code is not what runs natively (counts are several times higher than the
 * CPU time suggests): compare versions with it, do not read it as a native instruction count.
 */
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const exec = promisify(execFile);
export const INSTRUCTION_SECONDS = 60;

type Counter = { tool: string; run: (argv: string[]) => Promise<number> };

function output(cmd: string, argv: string[]): string | null {
  try {
    return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    const err = e as { stderr?: string; code?: string };
    return err.code === 'ENOENT' ? null : (err.stderr ?? '');
  }
}

/** perf if the instructions counter exists here, else callgrind, else null. */
export function counter(): Counter | null {
  const perf = output('perf', ['stat', '-x,', '-e', 'instructions', 'true']) ?? '';
  if (/^\d+,/m.test(perf.split('\n').find((l) => l.includes('instructions')) ?? '')) {
    return {
      tool: 'perf stat -e instructions',
      run: async (argv) => {
        const { stderr } = await exec('perf', ['stat', '-x,', '-e', 'instructions', ...argv], { maxBuffer: 1 << 24 });
        return Number(
          stderr
            .split('\n')
            .find((l) => l.includes('instructions'))
            ?.split(',')[0],
        );
      },
    };
  }
  if (output('valgrind', ['--version']) === null) return null;
  return {
    tool: 'valgrind --tool=callgrind',
    run: async (argv) => {
      const { stderr } = await exec('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', ...argv], { maxBuffer: 1 << 24 });
      const m = /Collected : (\d+)/.exec(stderr);
      if (!m) throw new Error(`callgrind printed no total:\n${stderr.slice(-500)}`);
      return Number(m[1]);
    },
  };
}

export async function buildChild(outDir: string): Promise<string> {
  const child = path.join(outDir, 'child.mjs');
  await build({
    entryPoints: [path.join(__dirname, 'cpu-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return child;
}

export async function instructionsPerSecond(c: Counter, child: string, bundle: string): Promise<number> {
  // One thread for V8 (no concurrent compiler or GC threads), so counts repeat run to run.
  const node = [process.execPath, '--single-threaded', child, bundle, String(INSTRUCTION_SECONDS)];
  const [one, three] = await Promise.all([c.run([...node, '1']), c.run([...node, '3'])]);
  return (three - one) / (2 * INSTRUCTION_SECONDS);
}
