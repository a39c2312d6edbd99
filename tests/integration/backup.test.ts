// `npm run backup` while a DJ is on air, `npm run restore` into a fresh database, and a
// second app process on the restored file: channels, accounts (sign-in with their
// passwords), slots and archived sets (listed, their page served, their recording in
// storage playable) are all there, and nothing written after the backup is. On a
// --postgres stack the same through pg_dump/pg_restore into a fresh PostgreSQL database.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Room } from '@livekit/rtc-node';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountSummary } from '@/types/account';
import type { TokenResponse } from '@/types/room';
import type { ArchiveListResponse } from '@/types/archive';
import type { ChannelListResponse, ChannelSummary } from '@/types/channel';
import type { SlotDto } from '@/types/schedule';
import { testDatabases } from '../../scripts/db/pg-test-db';
import { sourceServerArgs } from '../../scripts/stack/app';
import { type Service, startService, stopService, waitForHttp } from '../../scripts/stack/processes';
import { AppClient, createChannel, signedInAdmin, uniqueSlug } from '../support/app-client';
import { joinRoom, publishAudio } from '../support/livekit-peer';
import { npmRun as npm } from '../support/npm-run';
import { seedArchivedSet } from '../support/autodj';
import { scheduleNow } from '../support/schedule';
import { stackEnv } from '../support/stack-env';

const root = path.resolve(__dirname, '..', '..');
const env = stackEnv();
const work = mkdtempSync(path.join(tmpdir(), 'backup-'));
// A spare loopback port in this stack's block (the app is 3100 + offset).
const RESTORED_PORT = 3160 + Number(process.env.STACK_PORT_OFFSET ?? 0);
const restoredUrl = `http://127.0.0.1:${RESTORED_PORT}`;
const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
const databases = testDatabases('radio_restore_test');
let room: Room | undefined;
let restoredApp: Service | undefined;

/** A client of the app started on the restored database. */
class RestoredClient extends AppClient {
  override readonly baseUrl = restoredUrl;
}

afterAll(async () => {
  await room?.disconnect();
  if (restoredApp) await stopService(restoredApp);
  await databases.dropAll();
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it(
    'a backup taken during a live set restores into a fresh database with channels, accounts, slots and archived sets',
    { timeout: 120_000 },
    async () => {
      const admin = await signedInAdmin();
      const channel = await createChannel(admin, 'backup');
      const email = `${uniqueSlug('dj')}@test.local`;
      const password = `pw-${randomUUID()}`;
      const account = (await admin.request<AccountSummary>('POST', '/api/admin/accounts', { name: 'DJ Backup', email, password })).body;
      const dj = await new AppClient().signIn(email, password);
      const slot = await scheduleNow(admin, channel.id, account.id);
      // An archived set (its recording in the stack's storage, its row as the archive task leaves it).
      const setId = await seedArchivedSet(channel.id, 440, 10);
      const token = await dj.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'dj' });
      room = await joinRoom(token.body);
      await publishAudio(room);
      const live = async () => (await admin.request<ChannelSummary>('GET', `/api/channels/${channel.slug}`)).body.live.onAir;
      await expect.poll(live, { timeout: 10_000 }).toBe(true);

      // On air, webhooks and the loop writing: the online backup copies a consistent state.
      const backup = await npm(['backup', '--', '--out', path.join(work, 'backups')], process.env.DATABASE_URL ?? '');
      expect(backup.status, backup.out).toBe(0);
      const [file] = readdirSync(path.join(work, 'backups'));
      expect(file).toMatch(postgres ? /^radio-.*Z\.dump$/ : /^radio-.*Z\.db$/);
      const later = await createChannel(admin, 'after-backup');

      const fresh = postgres ? await databases.create() : `file:${path.join(work, 'fresh', 'radio.db')}`;
      const restore = await npm(['restore', '--', path.join(work, 'backups', file ?? '')], fresh);
      expect(restore.status, restore.out).toBe(0);
      expect((await npm(['restore', '--', path.join(work, 'backups', file ?? '')], fresh)).out).toMatch(/--force/);
      // As the image does at start: migrations (none pending here), then the server.
      expect((await npm(['db:migrate'], fresh)).status).toBe(0);
      restoredApp = startService(
        'restored app',
        process.execPath,
        sourceServerArgs(['--port', String(RESTORED_PORT), '--host', '127.0.0.1']),
        {
          cwd: root,
          logFile: path.join(work, 'restored-app.log'),
          // Its own database and address; no LiveKit, and the stack's storage with keys it refuses:
          // public reads (the recordings' URLs) work, and the restored app cannot change a thing there.
          env: {
            ...process.env,
            DATABASE_URL: fresh,
            APP_URL: restoredUrl,
            LIVEKIT_URL: 'ws://127.0.0.1:9',
            LIVEKIT_API_URL: 'http://127.0.0.1:9',
            S3_ACCESS_KEY_ID: 'restored-app-no-access',
            S3_SECRET_ACCESS_KEY: randomBytes(24).toString('hex'),
            METRICS_PORT: '0',
            // Nor the stack's app Redis: it must not join the stack's cluster (lease, wakes).
            APP_REDIS_URL: '',
          },
          signalOnce: true,
        },
      );
      await waitForHttp(`${restoredUrl}/api/channels`, { timeoutMs: 60_000, service: restoredApp });

      const restoredAdmin = await new RestoredClient().signIn(env.TEST_ADMIN_EMAIL, env.TEST_ADMIN_PASSWORD);
      const slugs = async (q: string) =>
        (await restoredAdmin.request<ChannelListResponse>('GET', `/api/channels?q=${q}`)).body.channels.map((c) => c.slug);
      expect(await slugs(channel.slug)).toContain(channel.slug);
      expect(await slugs(later.slug)).not.toContain(later.slug);
      await new RestoredClient().signIn(email, password);
      const slots = await restoredAdmin.request<{ slots: SlotDto[] }>('GET', `/api/admin/channels/${channel.id}/slots`);
      expect(slots.status).toBe(200);
      expect(slots.body.slots.map((s) => s.id)).toContain(slot.id);
      // The archive: listed, its page served, its recording playable from storage.
      const archived = await new RestoredClient().request<ArchiveListResponse>('GET', `/api/channels/${channel.slug}/sets`);
      expect(archived.body.sets.map((s) => s.id)).toEqual([setId]);
      expect((await new RestoredClient().request('GET', `/c/${channel.slug}/sets/${setId}`)).status).toBe(200);
      const download = await fetch(archived.body.sets[0]?.downloadUrl ?? '', { method: 'HEAD' });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('audio/mp4');
    },
  );
});
