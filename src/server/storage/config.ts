import 'server-only';
import type { StorageBucketConfig } from '@/types/storage';
import type { Env } from '../env.schema';
import { getEnv } from '../env';

/** The one storage config: the bucket (shared with the local stacks) and the HLS key prefix. */
export type StorageConfig = StorageBucketConfig & {
  /** First key segment of every HLS object. */
  prefix: string;
};

/** Storage from the environment, or null when HLS is off (all S3_* empty; env.schema enforces all-or-none). */
export function storageConfig(env: Env = getEnv()): StorageConfig | null {
  if (!env.S3_BUCKET) return null;
  return {
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    publicBaseUrl: env.S3_PUBLIC_BASE_URL.replace(/\/+$/, ''),
    prefix: env.HLS_PATH_PREFIX,
  };
}
