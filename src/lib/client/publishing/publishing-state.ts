import type { Problem } from './problems';

/**
 * The DJ console's connection phases; `data-state` on the status uses these names.
 * `waiting`: connected in the green room, unheard, until the server grants publishing at the slot start.
 */
export type PublishingPhase = 'idle' | 'connecting' | 'waiting' | 'live' | 'reconnecting' | 'stopping' | 'error';

/** The slot the session belongs to (from the token), for countdowns; null for an admin override. */
export type SlotWindow = { start: number; end: number; title: string } | null;

export type PublishingState = {
  phase: PublishingPhase;
  error: Problem | null;
  /** Epoch ms the current set went on air, null when not live. */
  liveSince: number | null;
  slot: SlotWindow;
};

export type PublishingAction =
  | { type: 'connect' }
  | { type: 'waiting'; slot: SlotWindow }
  | { type: 'published'; at: number; slot: SlotWindow }
  | { type: 'reconnecting' }
  | { type: 'reconnected' }
  | { type: 'stop' }
  | { type: 'stopped' }
  | { type: 'failed'; error: Problem };

export const initialPublishingState: PublishingState = { phase: 'idle', error: null, liveSince: null, slot: null };

export function canGoLive(phase: PublishingPhase): boolean {
  return phase === 'idle' || phase === 'error';
}

export function canStop(phase: PublishingPhase): boolean {
  return phase === 'connecting' || phase === 'waiting' || phase === 'live' || phase === 'reconnecting';
}

/** Events that make no sense in the current phase are ignored, so late LiveKit events cannot resurrect a stopped set. */
export function publishingReducer(state: PublishingState, action: PublishingAction): PublishingState {
  switch (action.type) {
    case 'connect':
      return canGoLive(state.phase) ? { ...initialPublishingState, phase: 'connecting' } : state;
    case 'waiting':
      return state.phase === 'connecting' ? { ...state, phase: 'waiting', slot: action.slot } : state;
    case 'published':
      return state.phase === 'connecting' || state.phase === 'waiting'
        ? { ...state, phase: 'live', liveSince: action.at, slot: action.slot }
        : state;
    case 'reconnecting':
      return state.phase === 'live' ? { ...state, phase: 'reconnecting' } : state;
    case 'reconnected':
      return state.phase === 'reconnecting' ? { ...state, phase: 'live' } : state;
    case 'stop':
      return canStop(state.phase) ? { ...state, phase: 'stopping' } : state;
    case 'stopped':
      return initialPublishingState;
    case 'failed':
      // A failure while stopping is just the end of the stop.
      if (state.phase === 'stopping' || state.phase === 'idle') return initialPublishingState;
      return { ...initialPublishingState, phase: 'error', error: action.error };
  }
}
