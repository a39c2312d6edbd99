import { describe, it, expect } from 'vitest';
import { DisconnectReason } from 'livekit-client';
import { ApiError } from '@/lib/api-client';
import { classifyError, describeDisconnect, isRetryable } from './problems';

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('classifyError', () => {
  it('maps getUserMedia failures', () => {
    expect(classifyError(domError('NotAllowedError')).kind).toBe('permission-denied');
    expect(classifyError(domError('NotFoundError')).kind).toBe('no-device');
    expect(classifyError(domError('OverconstrainedError')).kind).toBe('no-device');
    expect(classifyError(domError('NotReadableError')).kind).toBe('device-busy');
  });

  it('maps API statuses', () => {
    expect(classifyError(new ApiError(0, 'network', 'x')).kind).toBe('server-unreachable');
    expect(classifyError(new ApiError(502, 'internal', 'x')).kind).toBe('server-unreachable');
    expect(classifyError(new ApiError(401, 'unauthorized', 'x')).kind).toBe('signed-out');
    expect(classifyError(new ApiError(403, 'forbidden', 'x')).kind).toBe('forbidden');
    expect(classifyError(new ApiError(404, 'not_found', 'x')).kind).toBe('not-found');
    expect(classifyError(new ApiError(429, 'rate_limited', 'x')).kind).toBe('rate-limited');
    expect(classifyError(new ApiError(429, 'rate_limited', 'x', 12)).retryAfterMs).toBe(12_000);
    expect(classifyError(new ApiError(429, 'rate_limited', 'x')).retryAfterMs).toBeUndefined();
  });

  it('keeps the server message for other client errors', () => {
    expect(classifyError(new ApiError(400, 'bad_request', 'channelId is required'))).toEqual({
      kind: 'unknown',
      message: 'channelId is required',
    });
  });

  it('treats LiveKit connection errors as server problems unless refused', () => {
    expect(classifyError(Object.assign(domError('ConnectionError'), { reason: 1 })).kind).toBe('server-unreachable');
    expect(classifyError(Object.assign(domError('ConnectionError'), { reason: 0 })).kind).toBe('forbidden');
  });

  it('falls back to unknown', () => {
    expect(classifyError('weird').kind).toBe('unknown');
    expect(classifyError(null).kind).toBe('unknown');
  });
});

describe('describeDisconnect', () => {
  it('is null when we hung up', () => {
    expect(describeDisconnect(DisconnectReason.CLIENT_INITIATED)).toBeNull();
  });
  it('explains server-side reasons', () => {
    expect(describeDisconnect(DisconnectReason.DUPLICATE_IDENTITY)?.message).toMatch(/another tab/);
    expect(describeDisconnect(DisconnectReason.PARTICIPANT_REMOVED)?.kind).toBe('forbidden');
    expect(describeDisconnect(undefined)?.kind).toBe('disconnected');
  });
});

describe('isRetryable', () => {
  it('retries transient problems only', () => {
    expect(isRetryable(classifyError(new ApiError(0, 'network', 'x')))).toBe(true);
    expect(isRetryable(classifyError(new ApiError(429, 'rate_limited', 'x')))).toBe(true);
    expect(isRetryable(classifyError(new ApiError(404, 'not_found', 'x')))).toBe(false);
    expect(isRetryable(classifyError(new ApiError(403, 'forbidden', 'x')))).toBe(false);
  });
});

describe('a grant that never came', () => {
  it('says the station did not confirm the slot, for the DJ to try again (not retried in a loop)', () => {
    const p = classifyError(Object.assign(new Error('no grant'), { name: 'NotConfirmedError' }));
    expect(p).toEqual({ kind: 'not-confirmed', message: 'The station did not confirm your slot; try again.' });
    expect(isRetryable(p)).toBe(false);
  });
});
