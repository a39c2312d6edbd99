import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPort } from './cdp';
import { growth, Snapshot } from './snapshot';

class KeptByTheTest {
  constructor(readonly n: number) {}
}

const dir = mkdtempSync(path.join(tmpdir(), 'app-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('heap snapshot reading (a real snapshot of this process)', () => {
  const before = new Snapshot(writeHeapSnapshot(path.join(dir, 'before.heapsnapshot')));
  const kept = new Map<string, KeptByTheTest>();
  for (let i = 0; i < 500; i++) kept.set(`k${i}`, new KeptByTheTest(i));
  const after = new Snapshot(writeHeapSnapshot(path.join(dir, 'after.heapsnapshot')));

  it('counts live objects by constructor', () => {
    expect(before.groups().get('KeptByTheTest')).toBeUndefined();
    expect(after.groups().get('KeptByTheTest')?.count).toBe(kept.size);
  });

  it('names what grew, with how many objects', () => {
    const line = growth(before.groups(), after.groups(), 1000).find((l) => l.endsWith(' KeptByTheTest'));
    expect(line).toMatch(/\s500 objects \(now 500\)/);
  });

  it('follows retainers from an object to the Map that keeps it', () => {
    const paths = after.retainerPaths('KeptByTheTest', 2);
    expect(paths).toHaveLength(2);
    for (const p of paths) expect(p).toMatch(/^KeptByTheTest <-.*- Map/);
  });
});

describe('inspectPort', () => {
  it('reads --inspect-port from NODE_OPTIONS, with or without a host, else 9229', () => {
    expect(inspectPort('--inspect-port=127.0.0.1:9729')).toBe(9729);
    expect(inspectPort('--max-old-space-size=512 --inspect-port=9330')).toBe(9330);
    expect(inspectPort('')).toBe(9229);
  });
});
