import 'server-only';
import { DeleteObjectsCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { StorageConfig } from './config';

let cached: { key: string; client: S3Client } | undefined;

/** One client per config. Path style and checksums only when required: what R2 and MinIO accept. */
export function s3Client(conf: StorageConfig): S3Client {
  const key = `${conf.endpoint}|${conf.region}|${conf.accessKeyId}`;
  if (cached?.key !== key) {
    cached = {
      key,
      client: new S3Client({
        endpoint: conf.endpoint,
        region: conf.region,
        forcePathStyle: true,
        credentials: { accessKeyId: conf.accessKeyId, secretAccessKey: conf.secretAccessKey },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 2,
      }),
    };
  }
  return cached.client;
}

const isNotFound = (err: unknown) => err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.name === 'NotFound');

/** Last-modified time of an object, or null when it does not exist. */
export async function objectModifiedAt(conf: StorageConfig, key: string): Promise<Date | null> {
  try {
    const head = await s3Client(conf).send(new HeadObjectCommand({ Bucket: conf.bucket, Key: key }));
    return head.LastModified ?? null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** Deletes every object under `prefix/` and returns how many went. */
export async function deleteFolder(conf: StorageConfig, prefix: string): Promise<number> {
  const client = s3Client(conf);
  let deleted = 0;
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: conf.bucket, Prefix: `${prefix}/`, ContinuationToken: token }));
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
    if (keys.length > 0) {
      // DeleteObjects needs a Content-MD5/checksum, which WHEN_REQUIRED still sends.
      await client.send(new DeleteObjectsCommand({ Bucket: conf.bucket, Delete: { Objects: keys, Quiet: true } }));
      deleted += keys.length;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return deleted;
}

/** Keys and sizes under `prefix/` (for health checks and storage figures). */
export async function listFolder(conf: StorageConfig, prefix: string): Promise<{ key: string; size: number; modified: Date | null }[]> {
  const client = s3Client(conf);
  const out: { key: string; size: number; modified: Date | null }[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: conf.bucket, Prefix: `${prefix}/`, ContinuationToken: token }));
    for (const o of page.Contents ?? []) if (o.Key) out.push({ key: o.Key, size: o.Size ?? 0, modified: o.LastModified ?? null });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}
