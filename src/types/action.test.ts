import { describe, expect, it } from 'vitest';
import { actionStateText } from './action';

describe('actionStateText', () => {
  it('says what is pending, what failed and why, in plain words', () => {
    expect(actionStateText({ kind: 'rotate', status: 'pending', lastError: null })).toBe(
      'Replacing the stream key in LiveKit: still pending, retrying by itself.',
    );
    expect(actionStateText({ kind: 'kick', status: 'pending', lastError: 'LiveKit could not be reached (fetch failed)' })).toMatch(
      /still pending, retrying by itself \(last error: LiveKit could not be reached/,
    );
    expect(actionStateText({ kind: 'disable', status: 'failed', lastError: 'boom' })).toBe(
      'Disconnecting the account in LiveKit failed: boom. The database side is done; retry to finish it.',
    );
    expect(actionStateText({ kind: 'remove', status: 'done', lastError: null })).toBe('Done.');
  });
});
