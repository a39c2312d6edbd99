// The TLS proxy of `with-stack.ts --tls`: Debian's caddy with deploy/Caddyfile, the
// production file, on loopback ports and with `tls internal` (Caddy's own CA) instead
// of ACME. The app and LiveKit are then reached as browsers reach them in production,
// over https and wss. Node trusts the CA through NODE_EXTRA_CA_CERTS (read at process
// start, so it goes into the env of everything started afterwards); Chromium through
// --ignore-certificate-errors-spki-list with this run's CA keys only (tests/support/chromium.ts).
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { type Env, type Service, isTornDown, log, runCapture, startService } from './processes';

/** Loopback ports of one stack's proxy, from a base (3143 + STACK_PORT_OFFSET) and LiveKit's (7943 + offset). */
export interface TlsPorts {
  app: number;
  livekit: number;
  /** Caddy's default HTTPS port: only the TURN name's site (a certificate, nothing served). */
  https: number;
  /** Caddy's HTTP port; redirects are off, but it must not default to 80. */
  http: number;
}

export function tlsPorts(offset: number): TlsPorts {
  return { app: 3143 + offset, livekit: 7943 + offset, https: 3144 + offset, http: 3145 + offset };
}

export function tlsPortNames(ports: TlsPorts): Record<string, number> {
  return { 'Caddy (app)': ports.app, 'Caddy (LiveKit)': ports.livekit, 'Caddy (https_port)': ports.https, 'Caddy (http_port)': ports.http };
}

export interface TlsUpstreams {
  app: number;
  livekit: number;
  whip: number;
}

export interface TlsProxy {
  appUrl: string;
  livekitUrl: string;
  whipBaseUrl: string;
  /** Caddy's local root certificate (for NODE_EXTRA_CA_CERTS). */
  rootCert: string;
  /** base64 SHA-256 of the root's and intermediate's SubjectPublicKeyInfo, comma-separated (Chromium's flag). */
  spkiList: string;
  /** null while Caddy ran throughout; else one message for the end of the run. */
  report: () => string | null;
}

/** base64(SHA-256(SubjectPublicKeyInfo DER)) of a PEM certificate: the form Chromium's SPKI list takes. */
export function spkiHash(pem: string): string {
  const der = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/**
 * Global options for a loopback run: no admin API (several stacks run side by side), no
 * attempt to install the CA into the system trust store, loopback only, no redirects,
 * HTTP/1.1 and 2 only (Chromium's QUIC would not accept a locally trusted CA).
 */
function globalOptions(ports: TlsPorts): string {
  return [
    'admin off',
    'skip_install_trust',
    'default_bind 127.0.0.1',
    `http_port ${ports.http}`,
    `https_port ${ports.https}`,
    'auto_https disable_redirects',
    'servers {\n\t\tprotocols h1 h2\n\t}',
  ].join('\n\t');
}

/** Caddy's env: the Caddyfile's placeholders (deploy/Caddyfile lists them) and a data dir in the stack dir. */
export function caddyEnv(dir: string, ports: TlsPorts, up: TlsUpstreams): Env {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    XDG_DATA_HOME: path.join(dir, 'caddy-data'),
    XDG_CONFIG_HOME: path.join(dir, 'caddy-config'),
    APP_URL: `https://127.0.0.1:${ports.app}`,
    LIVEKIT_DOMAIN: `127.0.0.1:${ports.livekit}`,
    TURN_DOMAIN: 'localhost',
    CADDY_TLS: 'internal',
    CADDY_GLOBAL: globalOptions(ports),
    APP_UPSTREAM: `127.0.0.1:${up.app}`,
    LIVEKIT_UPSTREAM: `127.0.0.1:${up.livekit}`,
    INGRESS_WHIP_UPSTREAM: `127.0.0.1:${up.whip}`,
  };
}

/** Resolves once a TLS handshake with port succeeds against the root, i.e. Caddy serves its certificate. */
async function waitForTls(port: number, ca: string, service: Service, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new Error(`caddy exited before 127.0.0.1:${port} answered (log: ${service.logFile})`);
    }
    const ok = await new Promise<boolean>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port, ca, timeout: 2000 }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', (err) => {
        last = err.message;
        resolve(false);
      });
      socket.once('timeout', () => socket.destroy(new Error('timeout')));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`caddy: no TLS on 127.0.0.1:${port} after ${timeoutMs / 1000} s (last: ${last})`);
}

/** Waits for Caddy to write its local CA (it does so at start, for `tls internal`). */
async function waitForFiles(files: string[], service: Service, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!files.every((f) => existsSync(f))) {
    if (service.child.exitCode !== null) throw new Error(`caddy exited before writing its CA (log: ${service.logFile})`);
    if (Date.now() > deadline) throw new Error(`caddy wrote no CA within ${timeoutMs / 1000} s: ${files.join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts caddy with deploy/Caddyfile (log: dir/caddy.log) and waits until both sites
 * serve TLS. Caddy is not restarted: an exit nobody asked for is logged at once and
 * report() turns it into the run's failure, as the LiveKit supervisor does.
 */
export async function startCaddy(root: string, dir: string, ports: TlsPorts, up: TlsUpstreams, track: Service[]): Promise<TlsProxy> {
  await runCapture('caddy', ['version'], process.env).catch(() => {
    throw new Error("caddy is not installed: --tls needs Debian's caddy package (make setup installs it)");
  });
  const caddyfile = path.join(root, 'deploy', 'Caddyfile');
  const logFile = path.join(dir, 'caddy.log');
  const env = caddyEnv(dir, ports, up);
  // The pid file lets a test (or a person) stop this stack's Caddy to see the run fail.
  const args = ['run', '--config', caddyfile, '--adapter', 'caddyfile', '--pidfile', path.join(dir, 'caddy.pid')];
  const service = startService('caddy', 'caddy', args, { env, logFile });
  track.push(service);
  let died: string | null = null;
  void service.exited.then((code) => {
    if (service.stopRequested || isTornDown(track)) return;
    died = `caddy (the TLS proxy, pid ${service.child.pid ?? '?'}) EXITED UNEXPECTEDLY with ${code} during this run; see ${logFile}`;
    log(died);
  });

  const pki = path.join(env.XDG_DATA_HOME ?? '', 'caddy', 'pki', 'authorities', 'local');
  const [rootCert, intermediate] = [path.join(pki, 'root.crt'), path.join(pki, 'intermediate.crt')];
  await waitForFiles([rootCert, intermediate], service, 30_000);
  const rootPem = readFileSync(rootCert, 'utf8');
  await waitForTls(ports.app, rootPem, service, 30_000);
  await waitForTls(ports.livekit, rootPem, service, 30_000);
  log(`caddy ready: https://127.0.0.1:${ports.app} -> app, wss://127.0.0.1:${ports.livekit} -> LiveKit (+ /w -> WHIP)`);
  return {
    appUrl: env.APP_URL ?? '',
    livekitUrl: `wss://127.0.0.1:${ports.livekit}`,
    whipBaseUrl: `https://127.0.0.1:${ports.livekit}/w`,
    rootCert,
    spkiList: [rootPem, readFileSync(intermediate, 'utf8')].map(spkiHash).join(','),
    report: () => died,
  };
}
