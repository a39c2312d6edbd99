import { describe, it, expect } from 'vitest';
import { broadcastReducer, initialBroadcastState, type BroadcastAction, type BroadcastState } from './broadcast-state';
import { problem } from './problems';

const run = (...actions: BroadcastAction[]): BroadcastState =>
  actions.reduce(broadcastReducer, initialBroadcastState);

describe('broadcastReducer', () => {
  it('goes live', () => {
    expect(run({ type: 'connect' }, { type: 'published', at: 42 })).toEqual({
      phase: 'live',
      error: null,
      liveSince: 42,
    });
  });

  it('tracks reconnects', () => {
    const live: BroadcastAction[] = [{ type: 'connect' }, { type: 'published', at: 1 }];
    expect(run(...live, { type: 'reconnecting' }).phase).toBe('reconnecting');
    expect(run(...live, { type: 'reconnecting' }, { type: 'reconnected' })).toMatchObject({
      phase: 'live',
      liveSince: 1,
    });
  });

  it('stops', () => {
    const stopping = run({ type: 'connect' }, { type: 'published', at: 1 }, { type: 'stop' });
    expect(stopping.phase).toBe('stopping');
    expect(broadcastReducer(stopping, { type: 'stopped' })).toEqual(initialBroadcastState);
  });

  it('shows failures and lets the DJ try again', () => {
    const failed = run({ type: 'connect' }, { type: 'failed', error: problem('permission-denied') });
    expect(failed.phase).toBe('error');
    expect(failed.error?.kind).toBe('permission-denied');
    expect(broadcastReducer(failed, { type: 'connect' })).toEqual({
      phase: 'connecting',
      error: null,
      liveSince: null,
    });
  });

  it('ignores events that do not fit the phase', () => {
    expect(run({ type: 'published', at: 1 })).toEqual(initialBroadcastState);
    expect(run({ type: 'reconnected' })).toEqual(initialBroadcastState);
    expect(run({ type: 'stop' })).toEqual(initialBroadcastState);
    expect(run({ type: 'failed', error: problem('disconnected') })).toEqual(initialBroadcastState);
    const live = run({ type: 'connect' }, { type: 'published', at: 1 });
    expect(broadcastReducer(live, { type: 'connect' })).toBe(live);
  });

  it('treats a failure during stop as stopped', () => {
    const stopping = run({ type: 'connect' }, { type: 'stop' });
    expect(broadcastReducer(stopping, { type: 'failed', error: problem('disconnected') })).toEqual(
      initialBroadcastState,
    );
  });
});
