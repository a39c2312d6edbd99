import { createECDH } from 'node:crypto';
import { z } from '@/types/zod';
import { placeholderSecretProblem } from '../lib/secrets';
import { HLS_RETENTION_DAYS_MAX, HLS_RETENTION_DAYS_MIN } from '../types/channel';

// Kept free of 'server-only' so scripts and the .env.example test can read it;
// application code reads the parsed values through src/server/env.ts.

/** 32+ characters and not a value from an example file (those are public). */
const secret = (name: string) =>
  z
    .string()
    .min(32, `${name} must be at least 32 characters (LiveKit and better-auth need strong secrets)`)
    .superRefine((value, ctx) => {
      const problem = placeholderSecretProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${name} ${problem}` });
    });

/** One CSP frame-ancestors source: *, 'self', a scheme (https:) or a host with optional scheme, wildcard and port. */
const FRAME_SOURCE = /^(\*|'self'|[a-z][a-z0-9+.-]*:|([a-z][a-z0-9+.-]*:\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?)$/i;

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Public base URL of this app, used for auth callbacks and origin checks. */
  APP_URL: z.url().default('http://localhost:3000'),
  /** SQLite file (file:./data/radio.db, one node) or PostgreSQL (postgresql://user@host/db, replicas); the scheme picks the client. */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'DATABASE_URL must be a SQLite file: URL or a postgresql:// URL')
    .default('file:./data/radio.db'),
  BETTER_AUTH_SECRET: secret('BETTER_AUTH_SECRET'),
  /** WebSocket URL browsers use to reach LiveKit (handed out with tokens). */
  LIVEKIT_URL: z.url().refine((u) => /^wss?:\/\//.test(u), 'LIVEKIT_URL must start with ws:// or wss://'),
  /** HTTP URL the app uses for LiveKit's server API; derived from LIVEKIT_URL when empty. */
  LIVEKIT_API_URL: z.union([z.url(), z.literal('')]).default(''),
  LIVEKIT_API_KEY: z.string().min(3, 'LIVEKIT_API_KEY is required'),
  LIVEKIT_API_SECRET: secret('LIVEKIT_API_SECRET'),
  /** Listener tokens allowed per client per minute. */
  LISTENER_TOKEN_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  /** How often live state is checked against LiveKit, repairing what missed webhooks left wrong. */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How long before a slot starts its hosts may connect and wait, unheard (the green room). */
  SLOT_GREEN_ROOM_SECONDS: z.coerce.number().int().min(0).max(3600).default(600),
  /**
   * How many reverse proxies stand between clients and this app (0: clients connect
   * directly). The client's address is taken that many hops back in X-Forwarded-For;
   * anything further left was written by the client and is ignored.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Sign-in attempts allowed per client per minute (raise it when many DJs share one address). */
  AUTH_SIGN_IN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  // S3-compatible storage for HLS (Cloudflare R2 in production): the same values
  // fill deploy/egress.yaml. All empty turns HLS off (listeners use WebRTC only).
  /** S3 API endpoint, e.g. https://<account>.r2.cloudflarestorage.com (path-style addressing). */
  S3_ENDPOINT: z.union([z.url(), z.literal('')]).default(''),
  S3_REGION: z.string().min(1).default('auto'),
  S3_BUCKET: z.string().default(''),
  S3_ACCESS_KEY_ID: z.string().default(''),
  /** Empty (no storage) or a real key: the deploy example's placeholder is refused like the other secrets. */
  S3_SECRET_ACCESS_KEY: z
    .string()
    .default('')
    .superRefine((value, ctx) => {
      const problem = value === '' ? null : placeholderSecretProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `S3_SECRET_ACCESS_KEY ${problem}` });
    }),
  /** Public URL where browsers read the bucket's objects (R2 custom domain or CDN), no trailing slash. */
  S3_PUBLIC_BASE_URL: z.union([z.url(), z.literal('')]).default(''),
  /** Key prefix for HLS: <prefix>/<channelId>/<broadcastId>/... */
  HLS_PATH_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'HLS_PATH_PREFIX must be one path segment')
    .default('hls'),
  /** Days the HLS of an ended broadcast stays in storage (a channel can override it). */
  HLS_RETENTION_DAYS: z.coerce.number().int().min(HLS_RETENTION_DAYS_MIN).max(HLS_RETENTION_DAYS_MAX).default(7),
  /** WebRTC listeners in a channel's room before new listeners are sent to HLS. */
  HLS_LISTENER_THRESHOLD: z.coerce.number().int().min(0).default(100),
  /** Prometheus metrics (GET /metrics) on this port, apart from the public app port; 0 turns them off. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** Interface of the metrics port: loopback, so only the host (Prometheus in compose) reads it. */
  METRICS_BIND: z.string().min(1).default('127.0.0.1'),
  /**
   * Who may frame the embed player (`/embed/<slug>`, the only page that may be framed), as CSP
   * frame-ancestors sources separated by spaces: * (any site), 'self', https://site.example ...
   */
  EMBED_FRAME_ANCESTORS: z
    .string()
    .trim()
    .refine(
      (v) => v !== '' && v.split(/ +/).every((s) => FRAME_SOURCE.test(s)),
      "EMBED_FRAME_ANCESTORS must be CSP sources separated by spaces: *, 'self' or origins such as https://blog.example",
    )
    .default('*'),
  // Web Push (Follow a channel): a VAPID key pair (`npm run deploy:init` writes one). Both empty
  // turn Follow off; the channel page says so.
  /** VAPID public key: an uncompressed P-256 point, base64url (87 characters). */
  VAPID_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^(|[A-Za-z0-9_-]{87})$/, 'VAPID_PUBLIC_KEY must be 87 base64url characters (a P-256 public key)')
    .default(''),
  /** VAPID private key: 32 bytes, base64url (43 characters). Secret. */
  VAPID_PRIVATE_KEY: z
    .string()
    .trim()
    .regex(/^(|[A-Za-z0-9_-]{43})$/, 'VAPID_PRIVATE_KEY must be 43 base64url characters (a P-256 private key)')
    .default(''),
  /** Who push services contact about our traffic: mailto:ops@example.org or an https: URL (empty: APP_URL if https). */
  VAPID_SUBJECT: z
    .string()
    .trim()
    .regex(/^(|mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'VAPID_SUBJECT must be a mailto: address or an https: URL')
    .default(''),
  /**
   * Hosts (and their subdomains) notifications may be sent to, separated by spaces: the browsers'
   * push services. The app POSTs to endpoints anonymous browsers hand it, so nothing else is reached.
   */
  PUSH_SERVICE_HOSTS: z
    .string()
    .trim()
    .refine(
      (v) => v !== '' && v.split(/ +/).every((h) => /^[a-z0-9.-]+$/i.test(h)),
      'PUSH_SERVICE_HOSTS must be host names separated by spaces',
    )
    .default('fcm.googleapis.com updates.push.services.mozilla.com push.apple.com notify.windows.com'),
  // Scale-out (docs/scale-out.md): the Redis that app replicas share, apart from LiveKit's. Empty
  // means one app process: rate limits and live updates in memory, background tasks always held.
  /** redis:// or rediss:// URL of the app's Redis (rate limits, change fan-out, the background-task lease). */
  APP_REDIS_URL: z
    .union([z.string().regex(/^rediss?:\/\/\S+$/, 'APP_REDIS_URL must be a redis:// or rediss:// URL'), z.literal('')])
    .default(''),
  /** Prefix of every key and channel the app uses there, so it can share an instance (e.g. LiveKit's). */
  APP_REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9:_-]*$/i, 'APP_REDIS_KEY_PREFIX must be letters, digits, ":", "_" or "-"')
    .default('radio:'),
  /** Log level (pino): JSON lines in production, pretty in development. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const STORAGE_KEYS = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_BASE_URL'] as const;

/** Storage is all or nothing: a half-filled config would start egresses that cannot upload. */
function storageIssues(env: z.infer<typeof envSchema>): string[] {
  const missing = STORAGE_KEYS.filter((k) => env[k] === '');
  if (missing.length === 0 || missing.length === STORAGE_KEYS.length) return [];
  return missing.map((k) => `  - ${k}: required when any S3_* storage variable is set (all or none)`);
}

/** The VAPID pair is both or neither, and the public key must be the private key's. */
function vapidIssues(env: z.infer<typeof envSchema>): string[] {
  const { VAPID_PUBLIC_KEY: pub, VAPID_PRIVATE_KEY: priv } = env;
  if (pub === '' && priv === '') return [];
  if (pub === '' || priv === '') return ['  - VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both (a key pair) or neither (Follow off)'];
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(priv, 'base64url'));
    if (ecdh.getPublicKey().toString('base64url') === pub) return [];
  } catch {
    // an invalid private key: reported below
  }
  return ['  - VAPID_PUBLIC_KEY: is not the public key of VAPID_PRIVATE_KEY (generate a fresh pair: see docs/operations.md)'];
}

export type Env = z.infer<typeof envSchema>;

/** Parse an environment, turning zod issues into one readable message. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  const lines = result.success
    ? [...storageIssues(result.data), ...vapidIssues(result.data)]
    : result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
  if (!result.success || lines.length > 0) {
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}\nSee .env.example.`);
  }
  return result.data;
}
