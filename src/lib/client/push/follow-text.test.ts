import { describe, expect, it } from 'vitest';
import { base64UrlToBytes, followNote, permissionProblem } from './follow-text';

describe('follow text', () => {
  it('decodes a base64url VAPID key to its 65 bytes', () => {
    const key = 'BDYEDtN3ckSvpWfEgMkx9XQDhdSKCceMdPVyvWMS06XpweYlGutPfr8JRUFOMdgh6WbeJkA5T1xX8CJhBJgfbpM';
    const bytes = base64UrlToBytes(key);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(4);
    expect(Buffer.from(bytes).toString('base64url')).toBe(key);
  });

  it('explains a refused permission and says nothing once granted', () => {
    expect(permissionProblem('granted')).toBeNull();
    expect(permissionProblem('denied')).toMatch(/blocked/);
    expect(permissionProblem('default')).toMatch(/not allowed/);
  });

  it('says why Follow is missing, and what following means', () => {
    expect(followNote('unsupported')).toMatch(/cannot show notifications/);
    expect(followNote('off')).toMatch(/not available/);
    expect(followNote('following')).toMatch(/10 minutes/);
    expect(followNote('not-following')).toBeNull();
  });
});
