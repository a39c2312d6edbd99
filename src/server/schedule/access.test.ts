import { describe, expect, it } from 'vitest';
import { refusalMessage } from './access';

const until = new Date('2026-11-22T21:00:00Z');

describe('refusalMessage', () => {
  it('names an admin only for a kick', () => {
    expect(refusalMessage({ kind: 'blocked', until, cause: 'kicked' }, 'UTC')).toMatch(/^An admin took you off air/);
  });

  it('names the video track for a block of the audio-only rule, not an admin', () => {
    const message = refusalMessage({ kind: 'blocked', until, cause: 'not_audio' }, 'UTC');
    expect(message).toMatch(/video track/);
    expect(message).not.toMatch(/admin/i);
    expect(message).toMatch(/again after/);
  });
});
