import { describe, expect, it } from 'vitest';
import { backupName, databaseFile, restoreDecision, sidecars } from './backup-plan';

const good = {
  targetExists: false,
  targetSize: 0,
  force: false,
  integrity: 'ok',
  tables: ['channel', 'user', 'slot', '_prisma_migrations'],
};

describe('backup plan', () => {
  it('resolves the database file as Prisma does', () => {
    expect(databaseFile('file:./data/radio.db', '/app')).toBe('/app/data/radio.db');
    expect(databaseFile('file:/data/radio.db?mode=rwc', '/app')).toBe('/data/radio.db');
    expect(() => databaseFile('postgres://x', '/')).toThrow(/SQLite/);
    expect(() => databaseFile('file::memory:', '/')).toThrow(/no database file/);
  });

  it('names backups by UTC time, sortable and shell-safe', () => {
    expect(backupName(new Date('2026-12-03T07:55:01.123Z'))).toBe('radio-2026-12-03T07-55-01Z.db');
  });

  it('lists the WAL files a restore removes', () => {
    expect(sidecars('/d/r.db')).toEqual(['/d/r.db-wal', '/d/r.db-shm', '/d/r.db-journal']);
  });

  it('restores only a sound station database, and over an existing one only with --force', () => {
    expect(restoreDecision(good)).toEqual({ ok: true });
    expect(restoreDecision({ ...good, integrity: 'page 3 is never used' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/integrity/),
    });
    expect(restoreDecision({ ...good, tables: ['user'] })).toMatchObject({ ok: false, reason: expect.stringMatching(/no channel, slot/) });
    expect(restoreDecision({ ...good, targetExists: true, targetSize: 4096 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/--force/),
    });
    expect(restoreDecision({ ...good, targetExists: true, targetSize: 4096, force: true })).toEqual({ ok: true });
    expect(restoreDecision({ ...good, targetExists: true, targetSize: 0 })).toEqual({ ok: true });
  });
});
