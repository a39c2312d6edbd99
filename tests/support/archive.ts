// What the archive's integration files share: a DJ on air with a tone through the app's token
// route, the public archive listing and live playlist, and the stored objects read back from the
// stack's MinIO with its own keys. Missing stack values fail loudly, never skip.
import { spawnSync } from 'node:child_process';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import type { ArchiveListResponse, ArchivedSet } from '@/types/archive';
import type { ChannelSummary } from '@/types/channel';
import { AppClient, roomToken } from './app-client';
import { publishTone } from './hls';
import { joinRoom } from './livekit-peer';

const anon = new AppClient();

export function stackVar(
  name: 'STACK_DIR' | 'S3_PUBLIC_BASE_URL' | 'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY',
): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is missing: run through scripts/with-stack.ts, which starts MinIO and egress`);
  return value;
}

/** Seconds of audio ffmpeg decodes from a URL (HLS or a file), start to end. */
export function decodedSeconds(url: string): number {
  const run = spawnSync('ffmpeg', ['-v', 'error', '-i', url, '-f', 's16le', '-ac', '1', '-ar', '8000', 'pipe:1'], {
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw new Error(`ffmpeg is required (apt-get install ffmpeg): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`ffmpeg could not decode ${url}: ${run.stderr.toString()}`);
  return run.stdout.byteLength / 16_000;
}

/** A channel's public archive, as anyone sees it. */
export async function archivedSets(slug: string, query = ''): Promise<ArchivedSet[]> {
  const res = await anon.request<ArchiveListResponse>('GET', `/api/channels/${slug}/sets${query}`);
  expect(res.status).toBe(200);
  return res.body.sets;
}

/** Bytes of the set's HLS segments and of its .m4a, read with the stack's storage keys. */
export async function storedBytes(folderUrl: string): Promise<{ segments: number; m4a: number }> {
  const s3 = new S3Client({
    endpoint: stackVar('S3_ENDPOINT'),
    region: 'auto',
    forcePathStyle: true,
    credentials: { accessKeyId: stackVar('S3_ACCESS_KEY_ID'), secretAccessKey: stackVar('S3_SECRET_ACCESS_KEY') },
  });
  const prefix = folderUrl.slice(stackVar('S3_PUBLIC_BASE_URL').length + 1);
  const list = await s3.send(new ListObjectsV2Command({ Bucket: stackVar('S3_BUCKET'), Prefix: prefix }));
  const size = (test: (k: string) => boolean) =>
    (list.Contents ?? []).filter((o) => test(o.Key ?? '')).reduce((a, o) => a + (o.Size ?? 0), 0);
  return { segments: size((k) => k.endsWith('.ts')), m4a: size((k) => k.endsWith('/set.m4a')) };
}

/** The HTTP status of a HEAD, never cached. */
export const headStatus = async (url: string) => (await fetch(url, { method: 'HEAD', cache: 'no-store' })).status;

/** Where the channel's live playlist redirects, or the status when it does not. */
export async function livePlaylist(slug: string): Promise<string | number> {
  const res = await anon.request('GET', `/c/${slug}/live.m3u8`);
  return res.status === 302 ? (res.headers.get('location') ?? '') : res.status;
}

/** A DJ (or admin) on air on `ch` with a 1 kHz tone, until stopped. */
export async function onAir(ch: ChannelSummary, as: AppClient): Promise<{ stop: () => Promise<void> }> {
  const room = await joinRoom(await roomToken(as, ch.id, 'dj'));
  const tone = await publishTone(room).catch(async (error: unknown) => {
    await room.disconnect();
    throw error;
  });
  return {
    stop: async () => {
      await tone.stop().catch(() => undefined);
      await room.disconnect();
    },
  };
}
