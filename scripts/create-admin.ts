// Creates an admin account from the command line (the alternative to the
// /setup page): npm run admin:create -- --email a@b.c --name "Ada" [--password ...]
// Without --password it reads one from ADMIN_PASSWORD. Run with
// `tsx --conditions=react-server` so server-only modules load outside Next.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { accountInputSchema } from '@/types/account';

if (fs.existsSync('.env')) process.loadEnvFile('.env'); // keeps variables already set

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  const parsed = accountInputSchema.safeParse({
    email: values.email,
    name: values.name ?? 'Admin',
    password: values.password ?? process.env.ADMIN_PASSWORD,
  });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    process.exit(2);
  }
  // Imported after .env is loaded: the server modules read the environment once.
  const { createAccount } = await import('@/server/accounts');
  const account = await createAccount(parsed.data, 'admin');
  console.log(`Admin created: ${account.email} (${account.id})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
