// A local stand-in for a browser's push service (the one hop Chromium here cannot reach): an https
// server that takes the app's Web Push POSTs, checks their VAPID signature and decrypts their
// aes128gcm payload (RFC 8188 / RFC 8291) with the key pair a test made for its "browser".
// The certificate is the stack's (scripts/stack/push-service.ts), which the app trusts.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

/** A subscription as the app's API takes it, and the private half only the "browser" holds. */
export type TestSubscription = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  decrypt: (body: Buffer) => string;
};

export type Received = { path: string; payload: unknown; vapidKey: string; audience: string };

export type PushServiceStandIn = {
  /** A new subscription under this service; `status` is what the service answers for it (410: gone). */
  subscribe: (status?: number) => TestSubscription;
  received: Received[];
  close: () => Promise<void>;
};

const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer, length: number) => Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/** RFC 8291 section 3.4 and RFC 8188: one record, header salt | rs | idlen | keyid (the sender's public key). */
export function decryptAes128gcm(body: Buffer, uaPrivate: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const idlen = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  const ecdhSecret = uaPrivate.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPrivate.getPublicKey(), asPublic]);
  const ikm = hkdf(ecdhSecret, auth, keyInfo, 32);
  const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with delimiter 2, then zero padding.
  const end = padded.lastIndexOf(2);
  if (end < 0 || padded.subarray(end + 1).some((b) => b !== 0)) throw new Error('bad record padding');
  return padded.subarray(0, end).toString('utf8');
}

/** Checks `Authorization: vapid t=<JWT>, k=<key>` (RFC 8292): an ES256 JWT signed by that key. */
function checkVapid(header: string | undefined): { vapidKey: string; audience: string } {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!m?.[1] || !m[2]) throw new Error(`no VAPID authorization: ${header}`);
  const [head, claims, signature] = m[1].split('.');
  const point = Buffer.from(m[2], 'base64url');
  const jwk = { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') };
  const ok = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature ?? '', 'base64url'),
  );
  if (!ok) throw new Error('VAPID signature does not verify');
  const { aud } = JSON.parse(Buffer.from(claims ?? '', 'base64url').toString('utf8')) as { aud: string };
  return { vapidKey: m[2], audience: aud };
}

export async function startPushService(): Promise<PushServiceStandIn> {
  const cert = process.env.STACK_PUSH_TLS_CERT;
  const key = process.env.STACK_PUSH_TLS_KEY;
  if (!cert || !key) throw new Error('STACK_PUSH_TLS_CERT/KEY are not set: run through scripts/with-stack.ts');
  const subscriptions = new Map<string, { status: number; decrypt: (b: Buffer) => string }>();
  const received: Received[] = [];
  const server: Server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const sub = subscriptions.get(req.url ?? '');
      if (!sub || req.method !== 'POST' || req.headers['content-encoding'] !== 'aes128gcm') return void res.writeHead(400).end();
      try {
        const payload: unknown = JSON.parse(sub.decrypt(Buffer.concat(chunks)));
        received.push({ path: req.url ?? '', payload, ...checkVapid(req.headers.authorization) });
        res.writeHead(sub.status).end();
      } catch (err) {
        res.writeHead(400).end(String(err));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    subscribe: (status = 201) => {
      const ua = createECDH('prime256v1');
      ua.generateKeys();
      const auth = randomBytes(16);
      const path = `/push/${randomBytes(12).toString('base64url')}`;
      const decrypt = (body: Buffer) => decryptAes128gcm(body, ua, auth);
      subscriptions.set(path, { status, decrypt });
      const keys = { p256dh: ua.getPublicKey().toString('base64url'), auth: auth.toString('base64url') };
      return { endpoint: `https://127.0.0.1:${port}${path}`, keys, decrypt };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
