import { describe, it, expect } from 'vitest';
import { problem } from '@/lib/client/publishing/problems';
import { listenerStatusText } from './listener-status-text';

const base = { error: null, attempt: 0 };

describe('listenerStatusText', () => {
  it('invites to play', () => {
    expect(listenerStatusText({ ...base, phase: 'idle' }, true)).toMatch(/Press Play/);
  });
  it('says it is waiting for the DJ when nobody is on', () => {
    expect(listenerStatusText({ ...base, phase: 'waiting' }, false)).toMatch(/waiting for the DJ/i);
  });
  it('counts reconnect attempts', () => {
    expect(listenerStatusText({ phase: 'reconnecting', error: problem('server-unreachable'), attempt: 3 }, true)).toMatch(
      /could not be reached.*attempt 3/,
    );
    expect(listenerStatusText({ ...base, phase: 'reconnecting', attempt: 1 }, true)).toBe('Connection lost. Reconnecting…');
  });
  it('shows the error', () => {
    expect(listenerStatusText({ phase: 'error', error: problem('not-found'), attempt: 0 }, false)).toBe('This channel no longer exists.');
  });

  it('says a replay plays while nobody is on air (AutoDJ)', () => {
    expect(listenerStatusText({ phase: 'idle', error: null, attempt: 0 }, false, true)).toMatch(/replay/i);
    expect(listenerStatusText({ phase: 'playing', error: null, attempt: 0 }, false, true)).toBe('Playing a replay.');
    expect(listenerStatusText({ phase: 'playing', error: null, attempt: 0 }, true, true)).toBe('Playing live.');
  });
});
