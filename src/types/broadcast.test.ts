import { describe, expect, it } from 'vitest';
import { getBroadcastRoom, parseBroadcastRoom, participantKind, tokenRequestSchema } from './broadcast';

describe('getBroadcastRoom', () => {
  it('prefixes the channel id', () => {
    expect(getBroadcastRoom('cm0abc123')).toBe('channel-cm0abc123');
  });

  it('refuses ids that could smuggle another room name', () => {
    expect(() => getBroadcastRoom('')).toThrow();
    expect(() => getBroadcastRoom('a/b')).toThrow();
    expect(() => getBroadcastRoom('a b')).toThrow();
    expect(() => getBroadcastRoom('x'.repeat(65))).toThrow();
  });

  it('round-trips through parseBroadcastRoom', () => {
    expect(parseBroadcastRoom(getBroadcastRoom('abc-1'))).toBe('abc-1');
    expect(parseBroadcastRoom('lobby')).toBeNull();
    expect(parseBroadcastRoom('channel-')).toBeNull();
    expect(parseBroadcastRoom('channel-a b')).toBeNull();
  });
});

describe('tokenRequestSchema', () => {
  it('accepts listener and dj requests only', () => {
    expect(tokenRequestSchema.safeParse({ channelId: 'c1', role: 'listener' }).success).toBe(true);
    expect(tokenRequestSchema.safeParse({ channelId: 'c1', role: 'admin' }).success).toBe(false);
    expect(tokenRequestSchema.safeParse({ channelId: 'c1', role: 'dj', canPublish: true }).success).toBe(false);
    expect(tokenRequestSchema.safeParse({ role: 'dj' }).success).toBe(false);
  });
});

describe('participantKind', () => {
  it('reads the identity prefix', () => {
    expect(participantKind('listener-1')).toBe('listener');
    expect(participantKind('dj-u1')).toBe('dj');
    expect(participantKind('ingress-x')).toBe('other');
  });
});
