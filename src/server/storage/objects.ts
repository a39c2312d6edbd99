import 'server-only';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CopyObjectCommand, DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import type { StorageConfig } from './config';
import { s3Client } from './s3';

const isNotFound = (err: unknown) =>
  err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound');

/** An object's text, or null when it does not exist. */
export async function readObjectText(conf: StorageConfig, key: string): Promise<string | null> {
  try {
    const res = await s3Client(conf).send(new GetObjectCommand({ Bucket: conf.bucket, Key: key }));
    return (await res.Body?.transformToString('utf8')) ?? '';
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** Appends an object's bytes to a local file (streamed: a set's segments never sit in memory). */
export async function appendObjectToFile(conf: StorageConfig, key: string, file: string): Promise<void> {
  const res = await s3Client(conf).send(new GetObjectCommand({ Bucket: conf.bucket, Key: key }));
  if (!(res.Body instanceof Readable)) throw new Error(`no body for ${key}`);
  await pipeline(res.Body, createWriteStream(file, { flags: 'a' }));
}

export type PutOptions = { contentType: string; cacheControl?: string; contentDisposition?: string };

/** Writes an object from text or a local file (streamed with its length). */
export async function putObject(conf: StorageConfig, key: string, body: { text: string } | { file: string }, opts: PutOptions) {
  const common = {
    Bucket: conf.bucket,
    Key: key,
    ContentType: opts.contentType,
    CacheControl: opts.cacheControl,
    ContentDisposition: opts.contentDisposition,
  };
  if ('text' in body) {
    await s3Client(conf).send(new PutObjectCommand({ ...common, Body: body.text }));
    return;
  }
  const { size } = await stat(body.file);
  await s3Client(conf).send(new PutObjectCommand({ ...common, Body: createReadStream(body.file), ContentLength: size }));
}

/** Copies an object inside the bucket, keeping its headers. */
export async function copyObject(conf: StorageConfig, from: string, to: string): Promise<void> {
  const source = `${conf.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`;
  await s3Client(conf).send(new CopyObjectCommand({ Bucket: conf.bucket, Key: to, CopySource: source, MetadataDirective: 'COPY' }));
}

/** Deletes up to 1000 objects by key. */
export async function deleteObjects(conf: StorageConfig, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await s3Client(conf).send(
    new DeleteObjectsCommand({ Bucket: conf.bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }),
  );
}
