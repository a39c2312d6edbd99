import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { placeholderSecretProblem } from './secrets';

describe('placeholderSecretProblem', () => {
  it('flags the example files\' values and other copied placeholders', () => {
    expect(placeholderSecretProblem('change-me-to-a-random-string-of-32-or-more-chars')).toMatch(/change-me/);
    expect(placeholderSecretProblem('your-r2-secret-access-key-xxxxxxxxxxxx')).toMatch(/your-/);
    expect(placeholderSecretProblem('a'.repeat(40))).toMatch(/distinct/);
    expect(placeholderSecretProblem('abc123XY'.repeat(5))).toMatch(/repeated/);
  });

  it('accepts what the harness, `make dev` and openssl generate (10,000 draws, never a false alarm)', () => {
    for (let i = 0; i < 10_000; i++) {
      expect(placeholderSecretProblem(randomBytes(48).toString('base64url').slice(0, 48))).toBeNull();
      expect(placeholderSecretProblem(randomBytes(48).toString('base64'))).toBeNull();
    }
  });
});
