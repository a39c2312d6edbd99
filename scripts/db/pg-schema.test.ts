import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PG_SCHEMA, SOURCE, postgresSchema } from './pg-schema';

describe('scripts/db/pg-schema.ts', () => {
  it('the checked-in PostgreSQL schema is the one derived from prisma/schema.prisma (run npm run db:generate)', () => {
    expect(readFileSync(PG_SCHEMA, 'utf8')).toBe(postgresSchema(readFileSync(SOURCE, 'utf8')));
  });

  it('changes only the provider, the URL and the client folder', () => {
    const source = readFileSync(SOURCE, 'utf8');
    const derived = postgresSchema(source);
    expect(derived).toMatch(/provider = "postgresql"/);
    expect(derived).toMatch(/output {5}= "\.\.\/\.\.\/src\/server\/db\/generated-pg"/);
    const models = (text: string) => text.slice(text.indexOf('\nmodel '));
    expect(models(derived)).toBe(models(source));
  });

  it('fails loudly when the source no longer has what it replaces', () => {
    expect(() => postgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow(/expected one match/);
  });
});
