import { describe, expect, it } from 'vitest';
import { strictTransportSecurity } from './transport-security';

describe('strictTransportSecurity', () => {
  it('pins https for two years once the app is served over https', () => {
    expect(strictTransportSecurity('https://radio.example')).toBe('max-age=63072000; includeSubDomains');
  });

  it('sends nothing for a plain-http app (local runs)', () => {
    expect(strictTransportSecurity('http://localhost:3000')).toBeNull();
  });
});
