/** A variable the harness (scripts/with-stack.ts) must provide. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the suite with npm run test:e2e`);
  return value;
}
