// Which integration files `make test` runs on one database only (docs/testing.md, "The suites").
// Pure: scripts/test/lanes-plan.ts turns it into each run's exclusions.
//
// The suite ran whole on SQLite and on PostgreSQL, and the two runs are most of `make test`'s CPU.
// These files hold the media path (OBS, HLS egress, tempo, link quality), the HTTP edge or the deploy
// files to their targets; the database is incidental to them (an account, a channel, a slot, read
// through the same Prisma calls every other file makes on both). Each runs on one database, half
// the time on each side, so both runs stay about as long (the two runs are side by side). Every other file, a new one included,
// runs on both: the data rules (accounts, schedule, archive, AutoDJ, backups, blocks, webhooks,
// replicas) are where the two databases differ (docs/database.md).

export type Database = 'sqlite' | 'postgres';

export const ONE_DATABASE: Readonly<Record<string, Database>> = {
  // Balanced by run K1's file times (2026-12-07): about 137 s of these on each side.
  'egress.test.ts': 'sqlite', // its retention pass on both anyway: archive-channels, autodj-hls
  'ingress-rotate-stress.test.ts': 'sqlite',
  'rate-limit.test.ts': 'sqlite',
  'deploy-config.test.ts': 'sqlite',
  'logs.test.ts': 'sqlite',
  'app-stop.test.ts': 'sqlite', // the HTTP edge: a stop of the server
  'obs-green-room.test.ts': 'postgres',
  'client-address.test.ts': 'postgres',
  'kick.test.ts': 'postgres',
  'obs-tempo.test.ts': 'postgres',
  'redis-shared.test.ts': 'postgres',
  'obs-publish-muted.test.ts': 'postgres',
  'http-limits.test.ts': 'postgres',
  'link-quality.test.ts': 'postgres',
  'deploy-init.test.ts': 'postgres',
  'stream-caps.test.ts': 'postgres',
};

/** The files a run on `database` leaves to the other one, as paths for vitest's `--exclude`. */
export function excludedOn(database: Database): string[] {
  return Object.entries(ONE_DATABASE)
    .filter(([, db]) => db !== database)
    .map(([file]) => `tests/integration/${file}`);
}
