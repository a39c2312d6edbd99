// Prints where a test run's time went, slowest files first, from a Vitest or Playwright JSON
// report (`make test` writes them to .test-times/), so each change can say what it adds.
//
//   tsx scripts/test-times.ts .test-times/integration.json [how-many]
import fs from 'node:fs';
import path from 'node:path';

type VitestReport = { testResults: { name: string; startTime: number; endTime: number }[] };
type PlaywrightSuite = { file: string; specs?: { tests: { results: { duration: number }[] }[] }[]; suites?: PlaywrightSuite[] };
type PlaywrightReport = { suites: PlaywrightSuite[]; stats: { duration: number } };

function playwrightMs(suite: PlaywrightSuite): number {
  const own = (suite.specs ?? [])
    .flatMap((s) => s.tests)
    .flatMap((t) => t.results)
    .reduce((sum, r) => sum + r.duration, 0);
  return own + (suite.suites ?? []).reduce((sum, s) => sum + playwrightMs(s), 0);
}

/** Milliseconds per file (summed over tests and retries) and the run's wall time. */
export function fileTimes(report: unknown): { files: Map<string, number>; wallMs: number } {
  const files = new Map<string, number>();
  if (report && typeof report === 'object' && 'testResults' in report) {
    const results = (report as VitestReport).testResults;
    for (const r of results) files.set(path.relative(process.cwd(), r.name), r.endTime - r.startTime);
    const wallMs = results.length ? Math.max(...results.map((r) => r.endTime)) - Math.min(...results.map((r) => r.startTime)) : 0;
    return { files, wallMs };
  }
  const pw = report as PlaywrightReport;
  for (const suite of pw.suites) files.set(suite.file, (files.get(suite.file) ?? 0) + playwrightMs(suite));
  return { files, wallMs: pw.stats.duration };
}

function main(): void {
  const [file, top = '12'] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx scripts/test-times.ts REPORT.json [how-many]');
  if (!fs.existsSync(file)) {
    console.log(`test-times: no report at ${file} (the step did not finish)`);
    return;
  }
  const { files, wallMs } = fileTimes(JSON.parse(fs.readFileSync(file, 'utf8')));
  console.log(`test-times: ${file}: ${(wallMs / 1000).toFixed(0)} s in all, slowest files:`);
  for (const [name, ms] of [...files].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
    console.log(`  ${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
