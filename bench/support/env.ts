import { accessSync, constants } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Generated WAVs live here; .local/ is git-ignored and shared with the stack dirs. */
export const BENCH_DIR = path.join(ROOT, '.local', 'bench');

/** A measurement that could not be taken; main() turns it into a non-zero exit. */
export class BenchError extends Error {}

export function fail(message: string): never {
  throw new BenchError(message);
}

/** A variable scripts/with-stack.ts provides; the benches are useless without the stack. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) fail(`${name} is not set; run through the harness, e.g. STACK_PORT_OFFSET=300 npm run bench:latency (make test uses 0-200)`);
  return value;
}

export function requireExecutable(file: string, hint: string): void {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    fail(`${file} is missing or not executable (${hint})`);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs a bench's main and maps failures to exit codes (1 = measurement failed). */
export function runBench(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      const message = err instanceof Error ? (err instanceof BenchError ? err.message : (err.stack ?? err.message)) : String(err);
      console.error(`[${name}] FAILED: ${message}`);
      process.exit(1);
    },
  );
}

/** Other stacks share this host; print the load so figures can be judged (2 cores here). */
export function hostLine(): string {
  const [one, five] = loadavg();
  return `host: ${availableParallelism()} CPUs, load average ${one?.toFixed(2)} (1 min) / ${five?.toFixed(2)} (5 min)`;
}
