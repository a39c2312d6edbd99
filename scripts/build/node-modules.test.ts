// scripts/build/node-modules.sh on tiny projects with one local dependency: the first clone
// installs with npm ci and fills the cache; the next copies it, and setup.sh's freshness check
// (node_modules/.package-lock.json newer than the lock) then holds; a changed lock installs anew;
// an install whose (stand-in) better-sqlite3 does not load is neither used from the cache nor saved.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = path.resolve(__dirname, 'node-modules.sh');
const root = mkdtempSync(path.join(tmpdir(), 'node-modules-'));
const cache = path.join(root, 'node_modules');

afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * A project depending on ./dep (a file: dependency, so npm ci needs no registry), installed as
 * `depName`. As better-sqlite3 it stands in for the native addon: it fails to load when
 * BROKEN_ADDON is set, as one compiled against another Node does.
 */
function project(name: string, depVersion = '1.0.0', depName = 'dep'): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'dep'), { recursive: true });
  writeFileSync(path.join(dir, 'dep', 'package.json'), JSON.stringify({ name: depName, version: depVersion }));
  const addon = `if (process.env.BROKEN_ADDON) throw new Error('compiled against another Node');\nmodule.exports = function Database() { return { close() {} }; };\n`;
  writeFileSync(path.join(dir, 'dep', 'index.js'), depName === 'better-sqlite3' ? addon : `module.exports = '${depVersion}';\n`);
  const pkg = { name, version: '1.0.0', dependencies: { [depName]: 'file:dep' } };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
  const lock = spawnSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8' });
  expect(lock.status, lock.stderr).toBe(0);
  // As in a fresh checkout: the lock file is newer than anything installed before.
  const now = new Date();
  utimesSync(path.join(dir, 'package-lock.json'), now, now);
  return dir;
}

function install(dir: string, env: Record<string, string> = {}): string {
  const run = spawnSync('sh', [script], { cwd: dir, encoding: 'utf8', env: { ...process.env, RADIO_CACHE_DIR: root, ...env } });
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

  it('drops a cached install whose addon does not load here, and saves none that does not', { timeout: 60_000 }, () => {
    const before = readdirSync(cache).sort();
    const good = project('addon', '1.0.0', 'better-sqlite3');
    expect(install(good)).toContain('node_modules saved for the next clone');
    expect(readdirSync(cache)).toHaveLength(before.length + 1);

    const broken = path.join(root, 'addon-elsewhere');
    cpSync(good, broken, { recursive: true, filter: (src) => !src.includes('node_modules') });
    const out = install(broken, { BROKEN_ADDON: '1' });
    expect(out).toContain('the cached node_modules does not load');
    expect(out).toContain('not cached');
    expect(readdirSync(cache).sort()).toEqual(before);
  });
});
