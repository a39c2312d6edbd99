import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { excludedOn, ONE_DATABASE } from './integration-split';
import { planPhases } from './lanes-plan';

const files = fs.readdirSync('tests/integration').filter((f) => f.endsWith('.test.ts'));

describe('integration files on one database', () => {
  it('names only files that exist, so a rename never drops a file from both runs', () => {
    expect(Object.keys(ONE_DATABASE).filter((f) => !files.includes(f))).toEqual([]);
  });

  it('gives each database some of the one-database files, and keeps the data files on both', () => {
    const sqlite = excludedOn('sqlite');
    const postgres = excludedOn('postgres');
    expect(sqlite.filter((f) => postgres.includes(f))).toEqual([]);
    expect(sqlite.length + postgres.length).toBe(Object.keys(ONE_DATABASE).length);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres.length).toBeGreaterThan(0);
    // The data rules stay on both (the file comment says why).
    for (const file of [
      'accounts-admin.test.ts',
      'backup.test.ts',
      'archive.test.ts',
      'archive-pages.test.ts',
      'slots.test.ts',
      'replicas.test.ts',
    ]) {
      expect(ONE_DATABASE[file], file).toBeUndefined();
    }
  });

  it('hands each run the other run’s files as exclusions', () => {
    const commands = planPhases(0).flatMap((phase) => phase.flatMap((lane) => lane.steps.map((s) => s.command)));
    const onSqlite = commands.find((c) => c.includes('--project integration') && !c.includes('--postgres'));
    const onPostgres = commands.find((c) => c.includes('--project integration') && c.includes('--postgres'));
    for (const file of excludedOn('sqlite')) expect(onSqlite).toContain(`--exclude ${file} `);
    for (const file of excludedOn('postgres')) expect(onPostgres).toContain(`--exclude ${file} `);
    expect(onSqlite).not.toContain('--exclude tests/integration/egress.test.ts');
    expect(onPostgres).toContain('--exclude tests/integration/egress.test.ts');
  });
});
