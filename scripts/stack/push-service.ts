// Web Push on a stack: a VAPID key pair for the app, and a certificate for the local stand-in of a
// push service that tests start (tests/e2e/support/push-service.ts). web-push only speaks https, so
// the stand-in serves TLS with this self-signed certificate for 127.0.0.1, which the app trusts
// through NODE_EXTRA_CA_CERTS (joined to the TLS stack's own root when there is one).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import type { Env } from './processes';

export function pushStandInEnv(stackDir: string, extraCa: string | undefined): Env {
  const cert = path.join(stackDir, 'push-service.crt');
  const key = path.join(stackDir, 'push-service.key');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'].concat([
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]),
    { stdio: 'ignore' },
  );
  const bundle = path.join(stackDir, 'extra-ca.pem');
  writeFileSync(bundle, [extraCa ? readFileSync(extraCa, 'utf8') : '', readFileSync(cert, 'utf8')].join('\n'));
  const vapid = webpush.generateVAPIDKeys();
  return {
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:push-test@radio.invalid',
    // The stand-in listens on loopback; real push services stay allowed.
    PUSH_SERVICE_HOSTS: '127.0.0.1 fcm.googleapis.com updates.push.services.mozilla.com push.apple.com notify.windows.com',
    NODE_EXTRA_CA_CERTS: bundle,
    STACK_PUSH_TLS_CERT: cert,
    STACK_PUSH_TLS_KEY: key,
  };
}
