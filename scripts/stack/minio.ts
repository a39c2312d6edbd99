// MinIO for local stacks: S3-compatible storage standing in for Cloudflare R2.
// Each stack gets its own server, data directory and a fresh bucket whose objects
// anyone may read (as R2 behind a public domain), written only with the keys.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { type Service, log, runCapture, startService, waitForHttp } from './processes';
import { randomSecret } from './livekit';
import type { StorageBucketConfig } from '../../src/types/storage';

/** A stack's MinIO bucket, in the shape the app's storage config has. */
export type LocalStorage = StorageBucketConfig;

/** Builds or reuses the pinned MinIO (scripts/minio.sh) and returns its path. */
export async function ensureMinioBinary(root: string): Promise<string> {
  const out = await runCapture('sh', [path.join(root, 'scripts', 'minio.sh')], process.env, root);
  const bin = out.trim().split('\n').pop();
  if (!bin) throw new Error('scripts/minio.sh printed no path');
  return bin;
}

/** The same client settings the app uses (src/server/storage/s3.ts). */
export function localS3Client(s: LocalStorage): S3Client {
  return new S3Client({
    endpoint: s.endpoint,
    region: s.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Starts MinIO on 127.0.0.1:apiPort with a fresh data dir and creates a public-read bucket. */
export async function startMinio(
  bin: string,
  dir: string,
  ports: { api: number; console: number },
  track: Service[],
): Promise<LocalStorage> {
  const storage: LocalStorage = {
    endpoint: `http://127.0.0.1:${ports.api}`,
    region: 'us-east-1',
    bucket: 'radio-hls',
    accessKeyId: `radio${randomSecret(12)}`,
    secretAccessKey: randomSecret(40),
    publicBaseUrl: `http://127.0.0.1:${ports.api}/radio-hls`,
  };
  const data = path.join(dir, 'minio-data');
  mkdirSync(data, { recursive: true });
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    MINIO_ROOT_USER: storage.accessKeyId,
    MINIO_ROOT_PASSWORD: storage.secretAccessKey,
    MINIO_BROWSER: 'off',
    MINIO_UPDATE: 'off',
  };
  const args = ['server', data, '--address', `127.0.0.1:${ports.api}`, '--console-address', `127.0.0.1:${ports.console}`, '--quiet'];
  const service = startService('minio', bin, args, { env, logFile: path.join(dir, 'minio.log') });
  track.push(service);
  await waitForHttp(`${storage.endpoint}/minio/health/ready`, { timeoutMs: 30_000, service });

  const s3 = localS3Client(storage);
  await s3.send(new CreateBucketCommand({ Bucket: storage.bucket }));
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${storage.bucket}/*`] }],
  };
  await s3.send(new PutBucketPolicyCommand({ Bucket: storage.bucket, Policy: JSON.stringify(policy) }));
  s3.destroy();
  log(`MinIO ready on ${storage.endpoint} (bucket ${storage.bucket}, public read)`);
  return storage;
}
