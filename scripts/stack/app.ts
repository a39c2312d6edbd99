// The Next.js side of local stacks: migrations, production build, server, first admin.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isPostgresUrl } from '../db/migrate-pg';
import { type Env, type Service, log, runForeground, startService, waitForHttp } from './processes';

async function mustRun(what: string, command: string, args: string[], env: Env, cwd: string): Promise<void> {
  const code = await runForeground(command, args, env, cwd);
  if (code !== 0) throw new Error(`${what} failed (exit ${code})`);
}

/**
 * How the app runs: from the sources (tsx server.ts, the Prisma CLI), or as the app image runs
 * it (`--standalone`: node server.mjs and migrate.mjs from .next/standalone, no dev dependency).
 */
export type AppMode = 'source' | 'standalone';
const standaloneDir = (root: string) => path.join(root, '.next', 'standalone');

/** Applies prisma/migrations (prisma/migrations-postgresql for a postgresql:// URL) to env.DATABASE_URL. */
export async function migrate(root: string, env: Env, mode: AppMode = 'source'): Promise<void> {
  log(`applying migrations to ${env.DATABASE_URL ?? '(DATABASE_URL unset)'}${mode === 'standalone' ? ' (migrate.mjs)' : ''}`);
  if (mode === 'standalone') {
    await mustRun('migrations (node .next/standalone/migrate.mjs)', process.execPath, ['migrate.mjs'], env, standaloneDir(root));
    return;
  }
  if (isPostgresUrl(env.DATABASE_URL ?? '')) {
    // Prisma 6.19's engine-less `migrate deploy` cannot read PostgreSQL's catalog through the
    // pg adapter (docs/database.md), so the image's runner does it, from source.
    await mustRun('migrations (tsx scripts/migrate.ts)', path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/migrate.ts'], env, root);
    return;
  }
  await mustRun('migrations (sh scripts/prisma.sh migrate deploy)', 'sh', ['scripts/prisma.sh', 'migrate', 'deploy'], env, root);
}

/** Newest modification time among the inputs of a build (sources, config, lock file). */
function newestInput(root: string): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'generated' && entry !== 'generated-pg') visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  // The build also fills .next/standalone (scripts/build): server.ts and scripts/migrate.ts compiled,
  // prisma/migrations copied beside them.
  const inputs = [
    'src',
    'next.config.ts',
    'package-lock.json',
    'postcss.config.mjs',
    'prisma/schema.prisma',
    'prisma/migrations',
    'prisma/migrations-postgresql',
    'server.ts',
    'scripts/migrate.ts',
    'scripts/build',
    'scripts/render-livekit-config.ts',
    'scripts/create-admin.ts',
  ];
  for (const input of inputs) {
    if (existsSync(path.join(root, input))) visit(path.join(root, input));
  }
  return newest;
}

/** Runs `npm run build` when .next/BUILD_ID is missing or older than the sources, or always with force. */
export async function ensureBuild(root: string, env: Env, force: boolean): Promise<void> {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const standalone = path.join(standaloneDir(root), 'server.mjs');
  const stale = !existsSync(buildId) || !existsSync(standalone) || statSync(standalone).mtimeMs < newestInput(root);
  if (!force && !stale) {
    log('using the existing production build in .next/ (it is newer than the sources)');
    return;
  }
  log('building the app (npm run build)');
  await mustRun('npm run build', 'npm', ['run', 'build'], env, root);
}

/**
 * node's arguments for server.ts from source (cwd: the repository). tsx as a loader, not its CLI: the CLI
 * is a second process that relays the group's SIGTERM to the app and SIGKILLs it when the app's event
 * loop does not acknowledge within 30 ms, in the middle of its graceful stop.
 */
export const sourceServerArgs = (args: string[]) => ['--import', 'tsx', 'server.ts', ...args];

/** The production server (server.ts) on 127.0.0.1:port (added to `track` at once); resolves once /api/health answers 200. */
export async function startApp(
  root: string,
  env: Env,
  port: number,
  logFile: string,
  track: Service[],
  mode: AppMode = 'source',
): Promise<Service> {
  const args = ['--port', String(port), '--host', '127.0.0.1'];
  // One SIGTERM, then the app's own graceful stop (src/lib/server-stop.ts).
  const opts = { env, logFile, signalOnce: true };
  const service =
    mode === 'standalone'
      ? startService('app server (standalone)', process.execPath, ['server.mjs', ...args], { ...opts, cwd: standaloneDir(root) })
      : startService('app server', process.execPath, sourceServerArgs(args), { ...opts, cwd: root });
  track.push(service);
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { timeoutMs: 60_000, service });
  log(`app ready on http://127.0.0.1:${port}`);
  return service;
}

export async function createAdmin(
  root: string,
  env: Env,
  admin: { email: string; password: string; name: string },
  mode: AppMode = 'source',
): Promise<void> {
  log(`creating admin ${admin.email}`);
  const opts = [`--email=${admin.email}`, `--name=${admin.name}`];
  // The password goes in the environment: npm echoes a script's arguments into the log.
  const withPassword = { ...env, ADMIN_PASSWORD: admin.password };
  if (mode === 'standalone') {
    await mustRun('node create-admin.mjs', process.execPath, ['create-admin.mjs', ...opts], withPassword, standaloneDir(root));
    return;
  }
  await mustRun('npm run admin:create', 'npm', ['run', 'admin:create', '--', ...opts], withPassword, root);
}
