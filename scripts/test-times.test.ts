import { describe, expect, it } from 'vitest';
import { fileTimes } from './test-times';

describe('fileTimes', () => {
  it('reads a Vitest JSON report: each file from its start to its end, and the wall time', () => {
    const report = {
      testResults: [
        { name: `${process.cwd()}/tests/integration/a.test.ts`, startTime: 1_000, endTime: 4_000 },
        { name: `${process.cwd()}/tests/integration/b.test.ts`, startTime: 4_000, endTime: 4_500 },
      ],
    };
    const { files, wallMs } = fileTimes(report);
    expect([...files]).toEqual([
      ['tests/integration/a.test.ts', 3_000],
      ['tests/integration/b.test.ts', 500],
    ]);
    expect(wallMs).toBe(3_500);
  });

  it('reads a Playwright JSON report: every result of every test in a file, nested suites and retries included', () => {
    const report = {
      stats: { duration: 9_000 },
      suites: [
        {
          file: 'a.spec.ts',
          specs: [{ tests: [{ results: [{ duration: 1_000 }, { duration: 2_000 }] }] }],
          suites: [{ file: 'a.spec.ts', specs: [{ tests: [{ results: [{ duration: 500 }] }] }] }],
        },
        { file: 'b.spec.ts', specs: [] },
      ],
    };
    const { files, wallMs } = fileTimes(report);
    expect(files.get('a.spec.ts')).toBe(3_500);
    expect(files.get('b.spec.ts')).toBe(0);
    expect(wallMs).toBe(9_000);
  });
});
