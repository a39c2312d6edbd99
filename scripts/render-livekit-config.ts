// Renders the deploy/*.yaml templates (LiveKit, egress, ingress) by filling
// ${VAR} placeholders. Production (compose), `make dev` and the test harness all
// go through here, so local configs are the production config plus overrides.
//
// CLI: tsx scripts/render-livekit-config.ts TEMPLATE:OUT [TEMPLATE:OUT...]
// (variables come from the environment).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Document, parseDocument, stringify, visit } from 'yaml';
import { placeholderSecretProblem } from '../src/lib/secrets';

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** LiveKit only logs short secrets; we refuse them (same rule as src/server/env.schema.ts). */
export const MIN_SECRET_LENGTH = 32;

export interface LocalOverrides {
  /** Advertised address. Turns STUN discovery off; a loopback address also limits ICE to loopback. */
  nodeIp?: string;
  signalPort?: number;
  rtcTcpPort?: number;
  udpPortRange?: readonly [number, number];
  /** Redis to share with other nodes, or null for single-node mode. */
  redis?: { address: string; db: number } | null;
  webhookUrl?: string;
  /** TURN needs a domain and a TLS proxy, which local runs do not have. */
  dropTurn?: boolean;
  /** Where the local ingress listens (the URLs OBS is told). */
  ingress?: { rtmpBaseUrl: string; whipBaseUrl: string };
  /** LiveKit's own Prometheus endpoint. */
  prometheusPort?: number;
}

function parseTemplate(template: string): Document {
  const doc = parseDocument(template);
  if (doc.errors.length > 0) {
    throw new Error(`Template is not valid YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  return doc;
}

/** Every placeholder used in the template's keys and values (comments are ignored). */
export function placeholdersIn(template: string): string[] {
  const names = new Set<string>();
  visit(parseTemplate(template), {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      for (const m of node.value.matchAll(PLACEHOLDER)) names.add(m[1] ?? '');
    },
  });
  return [...names].sort();
}

/** Substitutes inside parsed scalars, so a value containing ':' or '#' cannot break the YAML. */
function substitute(template: string, vars: Readonly<Record<string, string | undefined>>): Document {
  const doc = parseTemplate(template);
  const missing = placeholdersIn(template).filter((name) => !vars[name]);
  if (missing.length > 0) {
    throw new Error(`Missing or empty variables for config template: ${missing.join(', ')}`);
  }
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string') {
        node.value = node.value.replace(PLACEHOLDER, (_m, name: string) => vars[name] ?? '');
      }
    },
  });
  return doc;
}

function asStringMap(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.set(k, String(v));
  }
  return out;
}

/** Refuses configs with short secrets or a webhook key the server does not know. */
function validate(config: Record<string, unknown>): void {
  const problems: string[] = [];
  const keys = asStringMap(config.keys);
  for (const [key, secret] of keys) {
    if (secret.length < MIN_SECRET_LENGTH) {
      problems.push(`secret of API key "${key}" is ${secret.length} characters (need ${MIN_SECRET_LENGTH}+)`);
    }
    const placeholder = placeholderSecretProblem(secret);
    if (placeholder) problems.push(`secret of API key "${key}" ${placeholder}`);
  }
  if (typeof config.api_secret === 'string' && config.api_secret.length < MIN_SECRET_LENGTH) {
    problems.push(`api_secret is ${config.api_secret.length} characters (need ${MIN_SECRET_LENGTH}+)`);
  }
  const webhook = config.webhook;
  if (webhook && typeof webhook === 'object' && 'api_key' in webhook) {
    const key = String(webhook.api_key);
    if (!keys.has(key)) problems.push(`webhook.api_key "${key}" is not one of keys`);
  }
  if (problems.length > 0) throw new Error(`Invalid config: ${problems.join('; ')}`);
}

function applyOverrides(doc: Document, o: LocalOverrides): void {
  if (o.nodeIp !== undefined) {
    // use_external_ip wins over node_ip in LiveKit, so it must go off.
    doc.setIn(['rtc', 'use_external_ip'], false);
    doc.setIn(['rtc', 'node_ip'], o.nodeIp);
    if (o.nodeIp.startsWith('127.') || o.nodeIp === '::1') {
      // Gather only loopback candidates: media never leaves this machine.
      doc.setIn(['rtc', 'enable_loopback_candidate'], true);
      doc.setIn(['rtc', 'ips'], { includes: [o.nodeIp === '::1' ? '::1/128' : `${o.nodeIp}/32`] });
    }
  }
  if (o.signalPort !== undefined) doc.setIn(['port'], o.signalPort);
  if (o.rtcTcpPort !== undefined) doc.setIn(['rtc', 'tcp_port'], o.rtcTcpPort);
  if (o.udpPortRange) {
    doc.setIn(['rtc', 'port_range_start'], o.udpPortRange[0]);
    doc.setIn(['rtc', 'port_range_end'], o.udpPortRange[1]);
  }
  if (o.redis === null) doc.deleteIn(['redis']);
  else if (o.redis) doc.setIn(['redis'], { address: o.redis.address, db: o.redis.db });
  if (o.webhookUrl !== undefined) doc.setIn(['webhook', 'urls'], [o.webhookUrl]);
  if (o.dropTurn) doc.deleteIn(['turn']);
  if (o.prometheusPort !== undefined) doc.setIn(['prometheus', 'port'], o.prometheusPort);
  if (o.ingress) doc.setIn(['ingress'], { rtmp_base_url: o.ingress.rtmpBaseUrl, whip_base_url: o.ingress.whipBaseUrl });
}

function toYaml(doc: Document, source: string): string {
  const config: unknown = doc.toJS();
  if (!config || typeof config !== 'object' || Array.isArray(config)) {
    throw new Error('Config template must be a YAML mapping');
  }
  validate(config as Record<string, unknown>);
  return `# Generated from ${source} by scripts/render-livekit-config.ts: edit the template.\n${stringify(config)}`;
}

/** Renders deploy/livekit.yaml, optionally with overrides for loopback dev/test runs. */
export function renderLivekitConfig(
  template: string,
  vars: Readonly<Record<string, string | undefined>>,
  overrides: LocalOverrides = {},
  source = 'deploy/livekit.yaml',
): string {
  const doc = substitute(template, vars);
  applyOverrides(doc, overrides);
  return toYaml(doc, source);
}

/** Renders any other template (egress, ingress) with the same substitution and checks. */
export function renderConfigTemplate(template: string, vars: Readonly<Record<string, string | undefined>>, source: string): string {
  return toYaml(substitute(template, vars), source);
}

function main(args: string[]): void {
  if (args.length === 0) {
    throw new Error('usage: tsx scripts/render-livekit-config.ts TEMPLATE:OUT [TEMPLATE:OUT...]');
  }
  for (const arg of args) {
    const [input, output] = arg.split(':');
    if (!input || !output) throw new Error(`expected TEMPLATE:OUT, got "${arg}"`);
    const text = renderConfigTemplate(readFileSync(input, 'utf8'), process.env, path.basename(input));
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, text);
    console.log(`rendered ${input} -> ${output}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
