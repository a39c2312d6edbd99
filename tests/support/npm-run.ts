// `npm run -s <script>` from the repository root against another database (DATABASE_URL), for
// tests of the station's commands (backup, restore, db:migrate). Async, so the test's HTTP
// connections keep being served while npm runs (a blocked loop reuses closed ones).
import { execFile } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

export function npmRun(args: string[], databaseUrl: string): Promise<{ status: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '-s', ...args],
      { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } },
      (err, stdout, stderr) => {
        resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}${stderr}` });
      },
    );
  });
}
