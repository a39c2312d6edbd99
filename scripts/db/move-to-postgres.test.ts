// `npm run db:move-to-postgres` against the real PostgreSQL server: a SQLite station written
// through the app's own SQLite client reads back the same through the PostgreSQL client,
// and a second move into the now filled database is refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient as SqliteClient } from '../../src/server/db/generated/client';
import { PrismaClient as PostgresClient } from '../../src/server/db/generated-pg/client';
import { applyMigrations } from '../migrate';
import { testDatabases } from './pg-test-db';

const root = path.resolve(__dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'move-pg-'));
const databases = testDatabases('radio_move_test');
afterAll(async () => {
  await databases.dropAll();
  rmSync(work, { recursive: true, force: true });
});

const LOGO = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 255, 1, 2]);
const AT = new Date('2026-06-01T12:34:56.789Z');

async function seed(file: string): Promise<void> {
  applyMigrations(file, path.join(root, 'prisma', 'migrations'));
  const db = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  await db.user.create({ data: { id: 'u1', name: 'Ada', email: 'ada@test.local', emailVerified: true, banned: false } });
  await db.channel.create({
    data: { id: 'c1', slug: 'one', name: 'One', liveSince: AT, djs: { create: { userId: 'u1' } } },
  });
  await db.broadcast.create({
    data: {
      id: 'b1',
      channelId: 'c1',
      startedAt: AT,
      storagePath: 'hls/c1/b1',
      tempoPoints: {
        create: [
          { at: AT, bpm: 127.5, confidence: 0.9 },
          { at: AT, bpm: null },
        ],
      },
      tracks: { create: { title: 'Intro', startedAt: AT } },
    },
  });
  await db.stationSettings.create({ data: { name: 'Radio', logo: LOGO, logoType: 'image/png' } });
  await db.$disconnect();
}

function move(from: string, to: string) {
  return spawnSync('npx', ['tsx', 'scripts/db/move-to-postgres.ts', '--from', from, '--to', to], { cwd: root, encoding: 'utf8' });
}

describe('db:move-to-postgres', () => {
  it('moves every row with its types, then refuses a target that holds rows', { timeout: 90_000 }, async () => {
    const file = path.join(work, 'radio.db');
    await seed(file);
    const url = await databases.create();
    const run = move(`file:${file}`, url);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/moved \d+ rows: .*2 tempo_point/);

    const db = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      const user = await db.user.findUniqueOrThrow({ where: { id: 'u1' } });
      expect(user).toMatchObject({ email: 'ada@test.local', emailVerified: true, banned: false, banExpires: null });
      expect((await db.channel.findUniqueOrThrow({ where: { id: 'c1' } })).liveSince).toEqual(AT);
      expect(await db.channelDj.count()).toBe(1);
      const points = await db.tempoPoint.findMany({ orderBy: { id: 'asc' } });
      expect(points.map((p) => [p.at, p.bpm])).toEqual([
        [AT, 127.5],
        [AT, null],
      ]);
      expect(Buffer.from((await db.stationSettings.findUniqueOrThrow({ where: { id: 'station' } })).logo ?? [])).toEqual(Buffer.from(LOGO));
      // The id sequence moved past the copied ids: the next point gets a fresh one.
      const next = await db.tempoPoint.create({ data: { broadcastId: 'b1', at: new Date() } });
      expect(next.id).toBeGreaterThan(Math.max(...points.map((p) => p.id)));
    } finally {
      await db.$disconnect();
    }

    const again = move(`file:${file}`, url);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already holds rows/);
  });
});
