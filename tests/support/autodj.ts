// An archived set as the archive task leaves one, made in seconds for AutoDJ's test and bench: a
// tone .m4a (AAC, like the recordings egress makes) in the stack's storage and its broadcast row.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { stackDb } from './stack-db';

/** Storage folders of seeded sets start with this (tests tell them from sets the station recorded). */
export const SEEDED_PREFIX = 'autodj-seed/';

function stackVar(name: 'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is missing: run through scripts/with-stack.ts, which starts MinIO and ingress`);
  return value;
}

/** Writes a `seconds`-long `hz` tone set for the channel, archived an hour ago by "DJ Seed"; returns its id. */
export async function seedArchivedSet(channelId: string, hz: number, seconds: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'autodj-'));
  try {
    const file = path.join(dir, 'set.m4a');
    const tone = `sine=f=${hz}:sample_rate=48000:d=${seconds}`;
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      tone,
      '-ac',
      '2',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-movflags',
      '+faststart',
      file,
    ]);
    const db = stackDb();
    const startedAt = new Date(Date.now() - 3_600_000);
    const body = readFileSync(file);
    const row = await db.broadcast.create({
      data: {
        channelId,
        startedAt,
        endedAt: new Date(startedAt.getTime() + seconds * 1000),
        storagePath: 'pending',
        hosts: JSON.stringify([{ identity: 'dj-seed', name: 'DJ Seed' }]),
      },
    });
    const storagePath = `${SEEDED_PREFIX}${channelId}/${row.id}`;
    const s3 = new S3Client({
      endpoint: stackVar('S3_ENDPOINT'),
      region: 'auto',
      forcePathStyle: true,
      credentials: { accessKeyId: stackVar('S3_ACCESS_KEY_ID'), secretAccessKey: stackVar('S3_SECRET_ACCESS_KEY') },
    });
    await s3.send(
      new PutObjectCommand({ Bucket: stackVar('S3_BUCKET'), Key: `${storagePath}/set.m4a`, Body: body, ContentType: 'audio/mp4' }),
    );
    // Archived last, as the archive task does: the set is listed only once its recording is there.
    await db.broadcast.update({
      where: { id: row.id },
      data: { storagePath, archivedAt: new Date(), archiveSeconds: seconds, archiveBytes: body.byteLength },
    });
    await db.$disconnect();
    return row.id;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
