import { describe, it, expect } from 'vitest';
import { initialListenerState, listenerReducer, type ListenerAction, type ListenerState } from './listener-state';
import { problem } from '@/lib/client/publishing/problems';

const run = (...actions: ListenerAction[]): ListenerState => actions.reduce(listenerReducer, initialListenerState);

describe('listenerReducer', () => {
  it('waits for the DJ after connecting', () => {
    expect(run({ type: 'play' }, { type: 'connected' }).phase).toBe('waiting');
  });

  it('plays when a track arrives before or after connecting', () => {
    expect(run({ type: 'play' }, { type: 'connected' }, { type: 'track', present: true }).phase).toBe('playing');
    expect(run({ type: 'play' }, { type: 'track', present: true }, { type: 'connected' }).phase).toBe('playing');
  });

  it('goes back to waiting when the DJ leaves, and plays again when they return', () => {
    const base: ListenerAction[] = [{ type: 'play' }, { type: 'connected' }, { type: 'track', present: true }];
    expect(run(...base, { type: 'track', present: false }).phase).toBe('waiting');
    expect(run(...base, { type: 'track', present: false }, { type: 'track', present: true }).phase).toBe('playing');
  });

  it('reconnects and recovers', () => {
    const lost = run({ type: 'play' }, { type: 'connected' }, { type: 'reconnecting', attempt: 2, error: problem('disconnected') });
    expect(lost).toMatchObject({ phase: 'reconnecting', attempt: 2 });
    expect(listenerReducer(lost, { type: 'connected' })).toMatchObject({
      phase: 'waiting',
      attempt: 0,
      error: null,
    });
  });

  it('fails and can start over', () => {
    const failed = run({ type: 'play' }, { type: 'failed', error: problem('not-found') });
    expect(failed).toMatchObject({ phase: 'error', error: { kind: 'not-found' } });
    expect(listenerReducer(failed, { type: 'play' }).phase).toBe('connecting');
  });

  it('ignores late events once stopped', () => {
    const stopped = run({ type: 'play' }, { type: 'connected' }, { type: 'stop' });
    expect(stopped).toEqual(initialListenerState);
    expect(listenerReducer(stopped, { type: 'track', present: true })).toEqual(initialListenerState);
    expect(listenerReducer(stopped, { type: 'connected' })).toEqual(initialListenerState);
    expect(listenerReducer(stopped, { type: 'failed', error: problem('disconnected') })).toEqual(initialListenerState);
  });
});
