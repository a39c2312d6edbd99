import { describe, expect, it } from 'vitest';
import {
  channelPublisher,
  channelRoom,
  djUserId,
  ingressIdentity,
  parseChannelRoom,
  parseIngressIdentity,
  participantKind,
  replayIdentity,
  TEMPO_ANALYSER_IDENTITY,
  tokenRequestSchema,
} from './room';

describe('channelRoom', () => {
  it('prefixes the channel id', () => {
    expect(channelRoom('cm0abc123')).toBe('channel-cm0abc123');
  });

  it('refuses ids that could smuggle another room name', () => {
    expect(() => channelRoom('')).toThrow();
    expect(() => channelRoom('a/b')).toThrow();
    expect(() => channelRoom('a b')).toThrow();
    expect(() => channelRoom('x'.repeat(65))).toThrow();
  });

  it('round-trips through parseChannelRoom', () => {
    expect(parseChannelRoom(channelRoom('abc-1'))).toBe('abc-1');
    expect(parseChannelRoom('lobby')).toBeNull();
    expect(parseChannelRoom('channel-')).toBeNull();
    expect(parseChannelRoom('channel-a b')).toBeNull();
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
    expect(participantKind('agent-1')).toBe('other');
  });

  it('treats an OBS ingress of a DJ as that DJ', () => {
    expect(participantKind(ingressIdentity('rtmp', 'u1'))).toBe('dj');
    expect(participantKind(ingressIdentity('whip', 'u1'))).toBe('dj');
    expect(participantKind('ingress-srt-u1')).toBe('other');
    expect(participantKind('ingress-rtmp-')).toBe('other');
  });

  it('gives AutoDJ replays their own kind: never a DJ account', () => {
    expect(replayIdentity('c1')).toBe('replay-c1');
    expect(participantKind(replayIdentity('c1'))).toBe('replay');
    expect(djUserId(replayIdentity('c1'))).toBeNull();
    expect(parseIngressIdentity(replayIdentity('c1'))).toBeNull();
  });

  it('gives the server tempo analyser its own kind: neither a listener nor a DJ', () => {
    expect(participantKind(TEMPO_ANALYSER_IDENTITY)).toBe('analyser');
    expect(djUserId(TEMPO_ANALYSER_IDENTITY)).toBeNull();
    expect(parseIngressIdentity(TEMPO_ANALYSER_IDENTITY)).toBeNull();
  });
});

describe('ingress identities', () => {
  it('round-trip and name the DJ account', () => {
    expect(ingressIdentity('rtmp', 'u1')).toBe('ingress-rtmp-u1');
    expect(parseIngressIdentity('ingress-whip-abc-1')).toEqual({ input: 'whip', userId: 'abc-1' });
    expect(parseIngressIdentity('dj-u1')).toBeNull();
    expect(djUserId('dj-u1')).toBe('u1');
    expect(djUserId('ingress-rtmp-u1')).toBe('u1');
    expect(djUserId('listener-x')).toBeNull();
    expect(djUserId('dj-')).toBeNull();
  });
});

describe('channelPublisher', () => {
  const id = 'cmxbk54ug0000u27dc822l71x';
  it('is the DJ on air, else the replay while it plays, else nobody', () => {
    expect(channelPublisher({ id, liveIdentity: 'dj-u1', replaySessionId: 'rp_1' })).toEqual({ identity: 'dj-u1', kind: 'dj' });
    expect(channelPublisher({ id, liveIdentity: null, replaySessionId: 'rp_1' })).toEqual({ identity: replayIdentity(id), kind: 'replay' });
    expect(channelPublisher({ id, liveIdentity: null, replaySessionId: null })).toBeNull();
  });
});
