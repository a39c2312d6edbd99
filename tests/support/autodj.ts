// An archived set as the archive task leaves one, made in seconds for AutoDJ's test and bench: a
// tone .m4a (AAC, like the recordings egress makes) in the stack's storage and its broadcast row.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { stackDb } from './stack-db';

/** Storage folders of seeded sets start with this (tests tell them from sets the station recorded). */
export const SEEDED_PREFIX = 'autodj-seed/';

function stackVar(name: 'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is missing: run through scripts/with-stack.ts, which starts MinIO and ingress`);
  return value;
}

/** A client of the stack's storage (MinIO) with the app's credentials. */
export function stackS3(): S3Client {
  return new S3Client({
    endpoint: stackVar('S3_ENDPOINT'),
    region: 'auto',
    forcePathStyle: true,
    credentials: { accessKeyId: stackVar('S3_ACCESS_KEY_ID'), secretAccessKey: stackVar('S3_SECRET_ACCESS_KEY') },
  });
}

/** How many objects the stack's bucket holds under `folder/`. */
export async function storedObjects(folder: string): Promise<number> {
  const page = await stackS3().send(new ListObjectsV2Command({ Bucket: stackVar('S3_BUCKET'), Prefix: `${folder}/` }));
  return page.KeyCount ?? 0;
}

/** A stored tempo from `fromS` seconds into the recording on (the points are written every 5 s, as the relay does). */
export type SeedTempo = { fromS: number; bpm: number }[];

/** Encoded once per set, then repeated: a segment of this many seconds. */
const SEGMENT_SECONDS = 10;

/**
 * A `seconds`-long `hz` tone as AAC in .m4a. AAC encoding is the costly part: a whole 120 s set
 * took 23 and 32 s on a loaded CI machine (run J1, 2026-12-07), past the AutoDJ test's limit, so
 * one segment is encoded and its packets are repeated without re-encoding (about 0.4 s in all).
 */
function encodeTone(dir: string, file: string, hz: number, seconds: number): void {
  const segment = path.join(dir, 'segment.m4a');
  const segmentSeconds = Math.min(seconds, SEGMENT_SECONDS);
  const tone = `sine=f=${hz}:sample_rate=48000:d=${segmentSeconds}`;
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', tone, '-ac', '2', '-c:a', 'aac', '-b:a', '128k', segment]);
  const loop = ['-stream_loop', '-1', '-i', segment, '-t', String(seconds), '-c', 'copy', '-movflags', '+faststart', file];
  execFileSync('ffmpeg', ['-v', 'error', ...loop]);
}

/**
 * Writes a `seconds`-long `hz` tone set for the channel, archived an hour ago by "DJ Seed", with
 * `tempo` as its stored curve (a tone has no beat of its own); returns its id.
 */
export async function seedArchivedSet(channelId: string, hz: number, seconds: number, tempo: SeedTempo = []): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'autodj-'));
  try {
    const file = path.join(dir, 'set.m4a');
    encodeTone(dir, file, hz, seconds);
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
    await stackS3().send(
      new PutObjectCommand({ Bucket: stackVar('S3_BUCKET'), Key: `${storagePath}/set.m4a`, Body: body, ContentType: 'audio/mp4' }),
    );
    // Archived last, as the archive task does: the set is listed only once its recording is there.
    const points = [];
    for (let at = 0; at < seconds && tempo.length; at += 5) {
      const bpm = tempo.findLast((t) => t.fromS <= at)?.bpm ?? null;
      points.push({ broadcastId: row.id, at: new Date(startedAt.getTime() + at * 1000), bpm, confidence: bpm === null ? null : 0.9 });
    }
    if (points.length) await db.tempoPoint.createMany({ data: points });
    // One egress attempt from the set's start: recording position and set clock run together.
    const timeline = JSON.stringify([{ offset: 0, at: startedAt.getTime(), seconds }]);
    await db.broadcast.update({
      where: { id: row.id },
      data: { storagePath, archivedAt: new Date(), archiveSeconds: seconds, archiveBytes: body.byteLength, archiveTimeline: timeline },
    });
    await db.$disconnect();
    return row.id;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
