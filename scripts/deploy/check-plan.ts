// Pure validation behind `npm run deploy:init -- --check`: what is wrong with an
// existing deploy/.env, each problem named with its variable. It reuses the app's own
// env schema (placeholder secrets are refused there) and the template renderer's checks.
import { placeholdersIn, renderConfigTemplate, renderLivekitConfig } from '../render-livekit-config';
import { parseEnv } from '../../src/server/env.schema';

export interface DeploySources {
  /** deploy/*.yaml templates by file name (livekit.yaml is rendered with LiveKit's own checks). */
  templates: Readonly<Record<string, string>>;
  /** deploy/docker-compose.yml, for the ${VAR} it interpolates without a default. */
  compose: string;
}

/** Words that mark a value copied from deploy/.env.example rather than filled in. */
const EXAMPLE_MARKERS = ['your-', 'change-me', 'example.com'];

/** Variables compose interpolates with no `:-default`: an empty one breaks a service. */
export function composeRequired(compose: string): string[] {
  return [...compose.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:?-)?/g)].filter((m) => !m[2]).map((m) => m[1] ?? '');
}

function appProblems(env: Readonly<Record<string, string>>): string[] {
  try {
    // The compose file sets these for the app container itself.
    parseEnv({ ...env, NODE_ENV: 'production', DATABASE_URL: 'file:/data/radio.db' });
    return [];
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return text
      .split('\n')
      .filter((l) => l.startsWith('  - '))
      .map((l) => `app: ${l.slice(4)}`);
  }
}

function templateProblems(env: Readonly<Record<string, string>>, sources: DeploySources): string[] {
  const problems: string[] = [];
  for (const [name, text] of Object.entries(sources.templates)) {
    const missing = placeholdersIn(text).filter((v) => !env[v]);
    if (missing.length > 0) {
      problems.push(`${name}: ${missing.join(', ')} missing or empty`);
      continue;
    }
    try {
      if (name === 'livekit.yaml') renderLivekitConfig(text, env);
      else renderConfigTemplate(text, env, name);
    } catch (err) {
      problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}

function host(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

/** The values that must agree with each other (one name per service, https/wss in production). */
function consistencyProblems(env: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  if (env.APP_URL && !env.APP_URL.startsWith('https://')) problems.push('APP_URL must be https:// (Caddy serves it with a certificate)');
  if (env.LIVEKIT_URL && !env.LIVEKIT_URL.startsWith('wss://'))
    problems.push('LIVEKIT_URL must be wss:// (browsers refuse ws:// from an https page)');
  if (env.LIVEKIT_URL && env.LIVEKIT_DOMAIN && host(env.LIVEKIT_URL) !== env.LIVEKIT_DOMAIN) {
    problems.push(`LIVEKIT_URL's host (${host(env.LIVEKIT_URL) ?? '?'}) is not LIVEKIT_DOMAIN (${env.LIVEKIT_DOMAIN})`);
  }
  const names = [host(env.APP_URL), env.LIVEKIT_DOMAIN, env.TURN_DOMAIN].filter(Boolean);
  if (new Set(names).size !== names.length) problems.push('APP_URL, LIVEKIT_DOMAIN and TURN_DOMAIN must be three different names');
  if (env.REDIS_ADDRESS && !/^[^\s:]+:\d{1,5}$/.test(env.REDIS_ADDRESS)) problems.push('REDIS_ADDRESS must be host:port');
  if (env.ACME_EMAIL !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(env.ACME_EMAIL))
    problems.push('ACME_EMAIL is not an email address');
  for (const [name, value] of Object.entries(env)) {
    const marker = EXAMPLE_MARKERS.find((m) => value.toLowerCase().includes(m));
    if (marker) problems.push(`${name} is still the example's value (contains "${marker}"): fill it in`);
  }
  return problems;
}

/** Everything wrong with `env` for the compose stack, one line each; empty when it is ready. */
export function checkEnv(env: Readonly<Record<string, string>>, sources: DeploySources): string[] {
  const missing = [...new Set(composeRequired(sources.compose))]
    .filter((v) => !env[v])
    .map((v) => `${v} is missing or empty (docker-compose.yml uses it)`);
  const app = appProblems(env);
  // The app's own message already names a placeholder secret: one line per problem.
  const rest = consistencyProblems(env).filter((p) => !app.some((a) => a.startsWith(`app: ${p.split(' ')[0] ?? ''}:`)));
  return [...new Set([...missing, ...app, ...templateProblems(env, sources), ...rest])];
}
