import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, stampBuild } from './reuse-build';

describe('reusing the production build', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'reuse-build-'));
    mkdirSync(path.join(root, 'src/app'), { recursive: true });
    mkdirSync(path.join(root, '.next'), { recursive: true });
    writeFileSync(path.join(root, 'src/app/page.tsx'), 'export default 1;');
    writeFileSync(path.join(root, 'package-lock.json'), '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const stamp = () => {
    writeFileSync(path.join(root, '.next/BUILD_ID'), 'x');
    stampBuild(root);
  };

  it('is current right after a build and stale after an edit, an added file or a lock change', () => {
    stamp();
    expect(buildIsCurrent(root)).toBe(true);
    writeFileSync(path.join(root, 'src/app/page.tsx'), 'export default 2;');
    expect(buildIsCurrent(root)).toBe(false);
    stamp();
    writeFileSync(path.join(root, 'src/app/other.tsx'), '');
    expect(buildIsCurrent(root)).toBe(false);
    stamp();
    writeFileSync(path.join(root, 'package-lock.json'), '{"x":1}');
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('ignores the build steps own outputs and files outside the inputs', () => {
    stamp();
    mkdirSync(path.join(root, 'public/worklets'), { recursive: true });
    writeFileSync(path.join(root, 'public/worklets/bpm.js'), 'generated');
    mkdirSync(path.join(root, 'tests'), { recursive: true });
    writeFileSync(path.join(root, 'tests/a.test.ts'), '');
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('is not current without a build or without a stamp', () => {
    expect(buildIsCurrent(root)).toBe(false);
    writeFileSync(path.join(root, '.next/BUILD_ID'), 'x');
    expect(buildIsCurrent(root)).toBe(false);
  });
});
