// The HLS half of a local stack: MinIO (fresh bucket), PulseAudio, the egress
// template page and egress itself. Returns the S3_* variables the app needs,
// the same storage egress writes to.
import path from 'node:path';
import { ensureEgressBinary, renderLocalEgressConfig, startEgress, startPulse, startTemplateServer } from './egress';
import { ensureMinioBinary, type LocalStorage, startMinio } from './minio';
import { type Env, type Service, assertPortsFree } from './processes';
import type { RedisTarget } from './redis';

/** Loopback ports from one base (kept clear of ingress's base+0..9 plan): base .. base+3. */
export function hlsPorts(base: number) {
  return { minio: base, minioConsole: base + 1, egressHealth: base + 2, template: base + 3 };
}

export interface HlsStackOptions {
  root: string;
  dir: string;
  portBase: number;
  livekit: { wsUrl: string; apiKey: string; apiSecret: string };
  redis: RedisTarget;
  track: Service[];
}

export async function startHlsStack(o: HlsStackOptions): Promise<{ appEnv: Env; storage: LocalStorage }> {
  const ports = hlsPorts(o.portBase);
  await assertPortsFree({
    MinIO: ports.minio,
    'MinIO console': ports.minioConsole,
    'egress health': ports.egressHealth,
    'egress template': ports.template,
  });
  const [minioBin, egressBin] = [await ensureMinioBinary(o.root), await ensureEgressBinary(o.root)];
  const storage = await startMinio(minioBin, o.dir, { api: ports.minio, console: ports.minioConsole }, o.track);
  const pulseEnv = await startPulse(o.dir, o.track);
  await startTemplateServer(o.root, ports.template);
  const config = renderLocalEgressConfig(o.root, {
    ...o.livekit,
    redis: o.redis,
    storage,
    ports: { health: ports.egressHealth, template: ports.template },
  });
  await startEgress(egressBin, path.join(o.dir), config, pulseEnv, ports.egressHealth, o.track);
  const appEnv: Env = {
    S3_ENDPOINT: storage.endpoint,
    S3_REGION: storage.region,
    S3_BUCKET: storage.bucket,
    S3_ACCESS_KEY_ID: storage.accessKeyId,
    S3_SECRET_ACCESS_KEY: storage.secretAccessKey,
    S3_PUBLIC_BASE_URL: storage.publicBaseUrl,
  };
  return { appEnv, storage };
}
