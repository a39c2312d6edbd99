// Vitest's own file order, reversed when VITEST_REVERSE_FILES=1. `make test` runs the integration
// suite on SQLite and on PostgreSQL side by side (scripts/test/lanes-plan.ts): in the same order,
// the same heavy files (two OBS pushes, two egress Chromiums) would run at the same moment, and the
// OBS analyser read tempos from audio the starved media chain had stretched (run O, 2026-12-05).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class LaneSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return process.env.VITEST_REVERSE_FILES === '1' ? [...sorted].reverse() : sorted;
  }
}
