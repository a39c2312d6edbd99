import { describe, it, expect } from 'vitest';
import { publishingReducer, initialPublishingState, type PublishingAction, type PublishingState } from './publishing-state';
import { problem } from './problems';

const run = (...actions: PublishingAction[]): PublishingState => actions.reduce(publishingReducer, initialPublishingState);

describe('publishingReducer', () => {
  it('goes live', () => {
    expect(run({ type: 'connect' }, { type: 'published', at: 42, slot: null })).toEqual({
      phase: 'live',
      error: null,
      liveSince: 42,
      slot: null,
    });
  });

  it('tracks reconnects', () => {
    const live: PublishingAction[] = [{ type: 'connect' }, { type: 'published', at: 1, slot: null }];
    expect(run(...live, { type: 'reconnecting' }).phase).toBe('reconnecting');
    expect(run(...live, { type: 'reconnecting' }, { type: 'reconnected' })).toMatchObject({
      phase: 'live',
      liveSince: 1,
    });
  });

  it('stops', () => {
    const stopping = run({ type: 'connect' }, { type: 'published', at: 1, slot: null }, { type: 'stop' });
    expect(stopping.phase).toBe('stopping');
    expect(publishingReducer(stopping, { type: 'stopped' })).toEqual(initialPublishingState);
  });

  it('shows failures and lets the DJ try again', () => {
    const failed = run({ type: 'connect' }, { type: 'failed', error: problem('permission-denied') });
    expect(failed.phase).toBe('error');
    expect(failed.error?.kind).toBe('permission-denied');
    expect(publishingReducer(failed, { type: 'connect' })).toEqual({
      phase: 'connecting',
      error: null,
      liveSince: null,
      slot: null,
    });
  });

  it('ignores events that do not fit the phase', () => {
    expect(run({ type: 'published', at: 1, slot: null })).toEqual(initialPublishingState);
    expect(run({ type: 'reconnected' })).toEqual(initialPublishingState);
    expect(run({ type: 'stop' })).toEqual(initialPublishingState);
    expect(run({ type: 'failed', error: problem('disconnected') })).toEqual(initialPublishingState);
    const live = run({ type: 'connect' }, { type: 'published', at: 1, slot: null });
    expect(publishingReducer(live, { type: 'connect' })).toBe(live);
  });

  it('waits in the green room, then goes live when the slot starts', () => {
    const slot = { start: 1_000, end: 5_000, title: 'Night' };
    const waiting = run({ type: 'connect' }, { type: 'waiting', slot });
    expect(waiting).toMatchObject({ phase: 'waiting', slot });
    expect(publishingReducer(waiting, { type: 'published', at: 1_000, slot })).toMatchObject({ phase: 'live', liveSince: 1_000, slot });
    expect(publishingReducer(waiting, { type: 'stop' }).phase).toBe('stopping');
    // Waiting only follows a connect.
    expect(run({ type: 'waiting', slot })).toEqual(initialPublishingState);
  });

  it('ends a live set with the reason when the slot ends or the DJ is kicked', () => {
    const live = run({ type: 'connect' }, { type: 'published', at: 1, slot: null });
    const ended = publishingReducer(live, { type: 'failed', error: problem('slot-ended') });
    expect(ended).toMatchObject({ phase: 'error', error: { kind: 'slot-ended' }, liveSince: null });
  });

  it('treats a failure during stop as stopped', () => {
    const stopping = run({ type: 'connect' }, { type: 'stop' });
    expect(publishingReducer(stopping, { type: 'failed', error: problem('disconnected') })).toEqual(initialPublishingState);
  });
});
