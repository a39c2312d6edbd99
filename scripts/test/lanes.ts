// Runs `make test`'s stack steps (scripts/test/lanes-plan.ts): phases in order; in a phase,
// lanes side by side, each lane's steps in order. A step's output goes to .local/test-logs/ and is printed whole
// when the step ends, so lanes never interleave line by line. Every step runs on its own stack, so a
// failed step stops nothing: the rest still run (their results help), and the summary names every failure.
//
//   npx tsx scripts/test/lanes.ts [step...]   (keys: e2e sqlite tls crash postgres cluster waiting; default: all)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild } from '../stack/app';
import { failureExcerpt } from './failure-excerpt';
import { BUSY_LIMIT, fitPhase, type Lane, type Phase, type Step, planPhases } from './lanes-plan';

type Outcome = { lane: string; key: string; step: string; code: number | null; seconds: number; log: string };

const logDir = path.resolve('.local/test-logs');
const stamp = () => new Date().toISOString().slice(11, 19);

function runStep(lane: string, step: Step): Promise<Outcome> {
  const file = path.join(logDir, `${step.key}.log`);
  const out = fs.openSync(file, 'w');
  const started = Date.now();
  console.log(`[${stamp()}] ${lane}: ${step.name} started (ports +${step.offset})`);
  const child = spawn('sh', ['-c', step.command], {
    env: { ...process.env, STACK_PORT_OFFSET: String(step.offset) },
    stdio: ['ignore', out, out],
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      fs.closeSync(out);
      const seconds = Math.round((Date.now() - started) / 1000);
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
      console.log(`\n===== ${lane}: ${step.name}: ${verdict} in ${seconds} s =====`);
      console.log(fs.readFileSync(file, 'utf8'));
      console.log(`===== end of ${lane}: ${step.name} (log: ${path.relative(process.cwd(), file)}) =====\n`);
      resolve({ lane, key: step.key, step: step.name, code, seconds, log: file });
    });
  });
}

async function runLane(lane: Lane): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const step of lane.steps) {
    const outcome = await runStep(lane.name, step);
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Busy and total jiffies of the whole machine (/proc/stat's first line). */
function machineCpu(): { busy: number; total: number } {
  const fields = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** Share (0-1) of the machine's CPU busy over the next `ms`, before a phase starts its stacks. */
async function busyShare(ms: number): Promise<number> {
  const before = machineCpu();
  await new Promise((r) => setTimeout(r, ms));
  const after = machineCpu();
  return (after.busy - before.busy) / Math.max(1, after.total - before.total);
}

/**
 * A phase of several lanes runs them side by side only while the machine has CPU to spare and the
 * end-to-end step (`e2eSeconds`, 0 when it did not run) showed a host of the usual speed (lanes-plan.ts).
 */
async function fitted(phase: Phase, e2eSeconds: number): Promise<Phase> {
  if (phase.length < 2) return phase;
  const busy = await busyShare(5_000);
  const fit = fitPhase(phase, busy, e2eSeconds);
  const why = busy > BUSY_LIMIT ? 'CPU taken by other work' : `a slow host: end to end took ${e2eSeconds} s`;
  const how = fit.length > 1 ? 'lanes side by side' : `lanes one after another (${why})`;
  console.log(`[${stamp()}] the machine's CPU was ${Math.round(busy * 100)} % busy before this phase: ${how}`);
  return fit;
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const phases = planPhases(Number(process.env.STACK_PORT_OFFSET ?? 0))
    .map((phase) => phase.map((l) => ({ ...l, steps: l.steps.filter((s) => only.length === 0 || only.includes(s.key)) })))
    .map((phase) => phase.filter((l) => l.steps.length > 0))
    .filter((phase) => phase.length > 0);
  const picked = phases.flat().flatMap((l) => l.steps.map((s) => s.key));
  if (only.length > 0 && picked.length !== only.length) throw new Error(`unknown step in: ${only.join(', ')} (keys: ${picked.join(', ')})`);
  // Once here: two lanes finding the build stale at the same moment would both rebuild into .next/.
  await ensureBuild(process.cwd(), process.env, false);
  fs.mkdirSync(logDir, { recursive: true });
  fs.mkdirSync('.test-times', { recursive: true });
  const started = Date.now();
  const cpuAtStart = machineCpu();
  const outcomes: Outcome[] = [];
  for (const phase of phases) {
    const e2eSeconds = outcomes.find((o) => o.key === 'e2e')?.seconds ?? 0;
    outcomes.push(...(await Promise.all((await fitted(phase, e2eSeconds)).map(runLane))).flat());
  }
  const cpu = machineCpu();
  const busy = Math.round((100 * (cpu.busy - cpuAtStart.busy)) / Math.max(1, cpu.total - cpuAtStart.total));
  // Everything on the machine, not only these lanes: near 100 % means the lanes wait for CPU.
  console.log(`stack steps: ${Math.round((Date.now() - started) / 1000)} s in all; the machine's CPU was ${busy} % busy`);
  for (const o of outcomes) console.log(`  ${o.code === 0 ? 'ok  ' : 'FAIL'} ${String(o.seconds).padStart(5)} s  ${o.lane}: ${o.step}`);
  const failed = outcomes.filter((o) => o.code !== 0);
  // Last, so that CI's tail of the output names the failing tests, not the service logs before them.
  for (const o of failed) {
    console.log(`\nwhy ${o.lane}: ${o.step} failed (from ${path.relative(process.cwd(), o.log)}):`);
    for (const line of failureExcerpt(fs.readFileSync(o.log, 'utf8'))) console.log(`  ${line}`);
  }
  if (failed.length > 0) console.log(`FAILED: ${failed.map((o) => `${o.lane}: ${o.step}`).join('; ')}`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
