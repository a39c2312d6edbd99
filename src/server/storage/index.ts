// Public entry of the storage area: S3-compatible object storage for HLS
// (Cloudflare R2 in production, MinIO in tests). Credentials never leave here.
import 'server-only';
export { storageConfig, type StorageConfig } from './config';
export { attemptKeys, broadcastPath, cacheableObject, publicObjectUrl } from './keys';
export { appendObjectToFile, copyObject, deleteObjects, putObject, readObjectText, type PutOptions } from './objects';
export { deleteFolder, listFolder, objectModifiedAt } from './s3';
