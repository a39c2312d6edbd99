// scripts/build/node-modules.sh on a tiny project with one local dependency: the first clone
// installs with npm ci and fills the cache; the next copies it, and setup.sh's freshness check
// (node_modules/.package-lock.json newer than the lock) then holds; a changed lock installs anew.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = path.resolve(__dirname, 'node-modules.sh');
const root = mkdtempSync(path.join(tmpdir(), 'node-modules-'));
const cache = path.join(root, 'node_modules');

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A project depending on ./dep (a file: dependency, so npm ci needs no registry). */
function project(name: string, depVersion = '1.0.0'): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'dep'), { recursive: true });
  writeFileSync(path.join(dir, 'dep', 'package.json'), JSON.stringify({ name: 'dep', version: depVersion }));
  writeFileSync(path.join(dir, 'dep', 'index.js'), `module.exports = '${depVersion}';\n`);
  const pkg = { name, version: '1.0.0', dependencies: { dep: 'file:dep' } };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
  const lock = spawnSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8' });
  expect(lock.status, lock.stderr).toBe(0);
  // As in a fresh checkout: the lock file is newer than anything installed before.
  const now = new Date();
  utimesSync(path.join(dir, 'package-lock.json'), now, now);
  return dir;
}

function install(dir: string): string {
  const run = spawnSync('sh', [script], { cwd: dir, encoding: 'utf8', env: { ...process.env, RADIO_CACHE_DIR: root } });
  expect(run.status, run.stderr).toBe(0);
  return run.stderr;
}

const installedFromLock = (dir: string) =>
  statSync(path.join(dir, 'node_modules', '.package-lock.json')).mtimeMs >= statSync(path.join(dir, 'package-lock.json')).mtimeMs;
const depOf = (dir: string) => readFileSync(path.join(dir, 'node_modules', 'dep', 'index.js'), 'utf8');

describe('node-modules.sh', () => {
  it('installs with npm ci once, then copies the same install into the next clone', { timeout: 60_000 }, () => {
    const first = project('first');
    expect(install(first)).toContain('setup: npm ci');
    expect(depOf(first)).toContain('1.0.0');
    expect(readdirSync(cache).filter((d) => !d.startsWith('.'))).toHaveLength(1);

    const second = path.join(root, 'second');
    cpSync(first, second, { recursive: true, filter: (src) => !src.includes('node_modules') });
    utimesSync(path.join(second, 'package-lock.json'), new Date(), new Date());
    expect(install(second)).toContain('node_modules from the cache');
    expect(depOf(second)).toContain('1.0.0');
    expect(installedFromLock(second)).toBe(true);
  });

  it('installs anew when the lock file differs, and keeps no half-written copy', { timeout: 60_000 }, () => {
    const changed = project('changed', '2.0.0');
    expect(install(changed)).toContain('setup: npm ci');
    expect(depOf(changed)).toContain('2.0.0');
    const entries = readdirSync(cache);
    expect(entries.filter((d) => d.startsWith('.partial'))).toEqual([]);
    expect(entries).toHaveLength(2);
  });
});
