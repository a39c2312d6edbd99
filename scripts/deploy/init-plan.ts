// Pure decisions of `npm run deploy:init`: the values of a fresh deploy/.env, the
// .env text (the example's comments kept), the DNS records and the firewall ports.
// The CLI (init.ts) does the I/O; check-plan.ts validates an existing file.

export interface InitOptions {
  /** The app's domain, e.g. radio.example.org. */
  domain: string;
  /** ACME account email for the certificates. */
  email: string;
  /** LiveKit's domain (WebSocket signalling, WHIP under /w); default livekit.<domain>. */
  livekitDomain?: string;
  /** TURN over TLS; default turn.<domain>. */
  turnDomain?: string;
  /** Cloudflare R2 / S3 storage for HLS; what is not given stays a placeholder that --check names. */
  s3?: Partial<Record<'endpoint' | 'bucket' | 'accessKeyId' | 'secretAccessKey' | 'publicBaseUrl', string>>;
  /** The cluster layout (deploy/docker-compose.cluster.yml): PostgreSQL's password and the app Redis's key prefix too. */
  cluster?: boolean;
}

/** Random material the plan needs, injected so tests are deterministic. */
export interface Randomness {
  /** A URL-safe random string of exactly `length` characters. */
  secret(length: number): string;
  /** A fresh VAPID (Web Push) key pair, base64url. */
  vapidKeys(): { publicKey: string; privateKey: string };
}

const HOSTNAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Problems with the options, in words; empty when they are usable. */
export function optionProblems(o: InitOptions): string[] {
  const problems: string[] = [];
  for (const [flag, value] of [
    ['--domain', o.domain],
    ['--livekit-domain', o.livekitDomain],
    ['--turn-domain', o.turnDomain],
  ] as const) {
    if (value !== undefined && !HOSTNAME.test(value.toLowerCase()))
      problems.push(`${flag} "${value}" is not a host name (like radio.example.org)`);
  }
  if (!EMAIL.test(o.email)) problems.push(`--email "${o.email}" is not an email address (certificate notices go there)`);
  const domains = [o.domain, o.livekitDomain ?? `livekit.${o.domain}`, o.turnDomain ?? `turn.${o.domain}`];
  if (new Set(domains).size !== domains.length)
    problems.push('the app, LiveKit and TURN domains must differ (each gets its own certificate and route)');
  return problems;
}

/** LiveKit API keys look like "API" + letters and digits; the secret is what protects them. */
function apiKey(random: Randomness): string {
  return `API${random
    .secret(24)
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 12)
    .padEnd(12, 'x')}`;
}

/**
 * Every value the compose services need, consistent by construction: one key pair for
 * LiveKit, egress, ingress and the app; one Redis address; the webhook and TURN domains
 * derived from the same names the DNS records list.
 */
export function planEnv(o: InitOptions, random: Randomness): Record<string, string> {
  const domain = o.domain.toLowerCase();
  const livekitDomain = (o.livekitDomain ?? `livekit.${domain}`).toLowerCase();
  const turnDomain = (o.turnDomain ?? `turn.${domain}`).toLowerCase();
  const s3 = o.s3 ?? {};
  const vapid = random.vapidKeys();
  return {
    APP_URL: `https://${domain}`,
    APP_BIND: '127.0.0.1',
    BETTER_AUTH_SECRET: random.secret(48),
    LISTENER_TOKEN_RATE_LIMIT: '30',
    AUTH_SIGN_IN_RATE_LIMIT: '10',
    // Caddy is the one proxy in front of the app.
    TRUSTED_PROXY_HOPS: '1',
    RECONCILE_INTERVAL_SECONDS: '30',
    LIVEKIT_URL: `wss://${livekitDomain}`,
    LIVEKIT_DOMAIN: livekitDomain,
    TURN_DOMAIN: turnDomain,
    LIVEKIT_API_KEY: apiKey(random),
    LIVEKIT_API_SECRET: random.secret(48),
    REDIS_ADDRESS: '127.0.0.1:6379',
    ACME_EMAIL: o.email,
    S3_ENDPOINT: s3.endpoint ?? 'https://your-cloudflare-account-id.r2.cloudflarestorage.com',
    S3_REGION: 'auto',
    S3_BUCKET: s3.bucket ?? 'radio-hls',
    S3_ACCESS_KEY_ID: s3.accessKeyId ?? 'your-r2-access-key-id',
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey ?? 'your-r2-secret-access-key',
    S3_PUBLIC_BASE_URL: s3.publicBaseUrl ?? `https://hls.${domain}`,
    HLS_PATH_PREFIX: 'hls',
    HLS_RETENTION_DAYS: '7',
    HLS_LISTENER_THRESHOLD: '100',
    METRICS_PORT: '9464',
    // Kept for the station's life: a new pair ends every follower's subscription.
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: `mailto:${o.email}`,
    GRAFANA_ADMIN_PASSWORD: random.secret(24),
    ...(o.cluster ? clusterEnv(random) : {}),
  };
}

/** What the cluster layout adds: PostgreSQL's password (URL-safe: it goes into DATABASE_URL) and the replicas' Redis key prefix. */
function clusterEnv(random: Randomness): Record<string, string> {
  return { POSTGRES_PASSWORD: random.secret(48), APP_REDIS_KEY_PREFIX: 'radio:' };
}

const LINE = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * The .env text: the example's lines and comments with each known variable's value
 * replaced; variables the example does not list are appended, so a newer example
 * (another variable documented) and a newer plan both still produce a complete file.
 */
export function renderEnv(exampleText: string, values: Readonly<Record<string, string>>, stamp: string): string {
  const seen = new Set<string>();
  const lines = exampleText
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => {
      const name = LINE.exec(line)?.[1];
      if (!name || !(name in values)) return line;
      seen.add(name);
      return `${name}=${values[name]}`;
    });
  const header = lines[0]?.startsWith('#') ? [`# Written by npm run deploy:init on ${stamp}. Keep it secret (mode 600).`] : [];
  const extra = Object.keys(values).filter((name) => !seen.has(name));
  const tail =
    extra.length > 0 ? ['', '# --- written by deploy:init (not in .env.example) ---', ...extra.map((n) => `${n}=${values[n]}`)] : [];
  return `${[...header, ...lines, ...tail].join('\n')}\n`;
}

export interface DnsRecord {
  name: string;
  type: 'A' | 'AAAA';
  value: string;
  why: string;
}

/** A (and AAAA when given) records for every name the configs use. */
export function dnsRecords(env: Readonly<Record<string, string>>, ip: { v4?: string; v6?: string }): DnsRecord[] {
  const host = (url: string | undefined) => (url ? new URL(url).hostname : '');
  const names: [string, string][] = [
    [host(env.APP_URL), 'the app (Caddy, certificate)'],
    [env.LIVEKIT_DOMAIN ?? '', 'LiveKit signalling and WHIP (Caddy, certificate)'],
    [env.TURN_DOMAIN ?? '', 'TURN over TLS (LiveKit)'],
  ];
  const out: DnsRecord[] = [];
  for (const [name, why] of names.filter(([n]) => n)) {
    out.push({ name, type: 'A', value: ip.v4 ?? "<this server's IPv4>", why });
    if (ip.v6) out.push({ name, type: 'AAAA', value: ip.v6, why });
  }
  return out;
}

export interface FirewallPort {
  port: string;
  protocol: 'tcp' | 'udp';
  why: string;
}

type Yaml = Record<string, unknown>;
const num = (config: Yaml, ...path: string[]): string | undefined => {
  let node: unknown = config;
  for (const key of path) node = node && typeof node === 'object' ? (node as Yaml)[key] : undefined;
  return typeof node === 'number' || typeof node === 'string' ? String(node) : undefined;
};

/** Ports to open, read from the parsed livekit.yaml and ingress.yaml templates (so they cannot drift). */
export function firewallPorts(livekit: Yaml, ingress: Yaml): FirewallPort[] {
  const out: FirewallPort[] = [
    { port: '80', protocol: 'tcp', why: 'Caddy: ACME HTTP challenge and redirect to https' },
    { port: '443', protocol: 'tcp', why: 'Caddy: app, LiveKit signalling (wss), WHIP' },
  ];
  const add = (port: string | undefined, protocol: 'tcp' | 'udp', why: string) => {
    if (port) out.push({ port, protocol, why });
  };
  add(num(livekit, 'rtc', 'tcp_port'), 'tcp', 'WebRTC over TCP (clients without UDP)');
  const [start, end] = [num(livekit, 'rtc', 'port_range_start'), num(livekit, 'rtc', 'port_range_end')];
  if (start && end) out.push({ port: `${start}-${end}`, protocol: 'udp', why: 'WebRTC media' });
  add(num(livekit, 'turn', 'udp_port'), 'udp', 'TURN/UDP');
  add(num(livekit, 'turn', 'tls_port'), 'tcp', 'TURN/TLS');
  add(num(ingress, 'rtmp_port'), 'tcp', 'OBS over RTMP');
  add(num(ingress, 'rtc_config', 'udp_port'), 'udp', 'OBS over WHIP (WebRTC media)');
  return out;
}
