import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { placeholderSecretProblem } from './secrets';

describe('placeholderSecretProblem', () => {
  it("flags the example files' values and other copied placeholders", () => {
    expect(placeholderSecretProblem('change-me-to-a-random-string-of-32-or-more-chars')).toMatch(/change-me/);
    expect(placeholderSecretProblem('your-r2-secret-access-key-xxxxxxxxxxxx')).toMatch(/words/);
    expect(placeholderSecretProblem('my_livekit_api_secret_for_production_use')).toMatch(/words/);
    expect(placeholderSecretProblem('a'.repeat(40))).toMatch(/distinct/);
    expect(placeholderSecretProblem('abc123XY'.repeat(5))).toMatch(/repeated/);
  });

  it('accepts what the harness, `make dev` and openssl generate (20,000 draws, never a false alarm)', () => {
    // Collected, then asserted once: 40,000 expect calls took seconds on a loaded machine.
    const refused: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      for (const value of [randomBytes(48).toString('base64url').slice(0, 48), randomBytes(48).toString('base64')]) {
        if (placeholderSecretProblem(value) !== null) refused.push(value);
      }
    }
    expect(refused).toEqual([]);
  });

  it('accepts generated values that happen to contain a short word', () => {
    expect(placeholderSecretProblem('Qk7vZr2-your-Np8xT0aLm3Wd5sHy9cFe1gJb6uKi4oRt')).toBeNull();
  });
});
