import { describe, expect, it } from 'vitest';
import { ingressCreateSchema, ingressListQuerySchema, maskStreamKey } from './ingress';

describe('maskStreamKey', () => {
  it('never shows more than six characters of a key', () => {
    const key = 'AbCdEfGhIjKlMnOp';
    const masked = maskStreamKey(key);
    expect(masked.startsWith('AbCd')).toBe(true);
    expect(masked.endsWith('Op')).toBe(true);
    expect(masked).not.toContain('EfGh');
    expect(maskStreamKey('short')).toBe('•••••');
  });
});

describe('ingress request schemas', () => {
  it('accept RTMP and WHIP only, with nothing extra', () => {
    expect(ingressCreateSchema.safeParse({ channelId: 'c1', inputType: 'rtmp' }).success).toBe(true);
    expect(ingressCreateSchema.safeParse({ channelId: 'c1', inputType: 'srt' }).success).toBe(false);
    expect(ingressCreateSchema.safeParse({ channelId: 'c1', inputType: 'whip', roomName: 'x' }).success).toBe(false);
    expect(ingressListQuerySchema.safeParse({ channelId: 'c1', userId: 'a/b' }).success).toBe(false);
  });
});
