/**
 * An S3-compatible bucket as both the app (src/server/storage) and the local stacks
 * (scripts/stack/minio.ts) address it; egress writes with the same values (deploy/egress.yaml).
 */
export type StorageBucketConfig = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where browsers read objects, without a trailing slash. */
  publicBaseUrl: string;
};
