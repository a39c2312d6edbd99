import { describe, expect, it } from 'vitest';
import { failureExcerpt } from './failure-excerpt';

const vitestLog = [
  ' ✓ |integration| tests/integration/ok.test.ts (3 tests) 120ms',
  '{"level":30,"msg":"request"}',
  ' FAIL  |integration| tests/integration/slots.test.ts > slots > accepts one slot',
  'AssertionError: expected 503 to be 201 // Object.is equality',
  '- Expected',
  '+ Received',
  '    at tests/integration/slots.test.ts:41:7',
  ' Test Files  1 failed | 36 passed (37)',
  '      Tests  1 failed | 168 passed (169)',
  '[stack] started app (pid 12), log: x.log',
  '{"level":30,"msg":"request"}',
].join('\n');

describe('failureExcerpt', () => {
  it('keeps the failing test, its cause and the counts, and drops service chatter', () => {
    expect(failureExcerpt(vitestLog)).toEqual([
      ' FAIL  |integration| tests/integration/slots.test.ts > slots > accepts one slot',
      'AssertionError: expected 503 to be 201 // Object.is equality',
      '- Expected',
      '+ Received',
      ' Test Files  1 failed | 36 passed (37)',
      '      Tests  1 failed | 168 passed (169)',
    ]);
  });

  it('names Playwright failures and a service that died', () => {
    const log = [
      '  ✘  3 [chromium] › tests/e2e/hls.spec.ts:12:5 › plays (30.1s)',
      '  1) [chromium] › tests/e2e/hls.spec.ts:12:5 › plays',
      '    Error: Timed out 30000ms waiting for expect(locator).toBeVisible()',
      '  1 failed',
      '[stack] FAIL: livekit-server exited 3 times',
    ].join('\n');
    const out = failureExcerpt(log);
    expect(out).toContain('  1) [chromium] › tests/e2e/hls.spec.ts:12:5 › plays');
    expect(out).toContain('    Error: Timed out 30000ms waiting for expect(locator).toBeVisible()');
    expect(out).toContain('[stack] FAIL: livekit-server exited 3 times');
    expect(out).toContain('  1 failed');
  });

  it('reports a repeated headline once and stops at the limit', () => {
    const log = Array.from({ length: 200 }, (_, i) => ` FAIL  tests/a.test.ts > case ${i % 50}`).join('\n');
    const out = failureExcerpt(log, 20);
    expect(out).toHaveLength(20);
    expect(new Set(out).size).toBe(20);
    expect(failureExcerpt('all good\nnothing here')).toEqual([]);
  });
});

describe('failureExcerpt on coloured output', () => {
  it('strips the colour codes vitest writes even into a file', () => {
    const esc = String.fromCharCode(27);
    const log = `${esc}[41m${esc}[1m FAIL ${esc}[22m${esc}[49m ${esc}[30m${esc}[42m unit ${esc}[49m${esc}[39m src/z.test.ts${esc}[2m > ${esc}[22mbreaks\n\n${esc}[31m${esc}[1mAssertionError${esc}[22m: expected 1 to be 2${esc}[39m\n\n- Expected\n+ Received\n`;
    expect(failureExcerpt(log)).toEqual([
      ' FAIL   unit  src/z.test.ts > breaks',
      'AssertionError: expected 1 to be 2',
      '- Expected',
      '+ Received',
    ]);
  });
});
