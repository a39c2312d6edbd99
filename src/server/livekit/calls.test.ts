import { describe, expect, it } from 'vitest';
import { isRoomNotHosted } from './calls';

describe('isRoomNotHosted', () => {
  it('recognises LiveKit answering for a room no live node hosts', () => {
    expect(isRoomNotHosted({ status: 503, code: 'unavailable', message: 'twirp error unknown: no response from servers' })).toBe(true);
    expect(isRoomNotHosted({ status: 503, message: 'overloaded' })).toBe(false);
    expect(isRoomNotHosted({ status: 404, message: 'requested room does not exist' })).toBe(false);
    expect(isRoomNotHosted(new TypeError('fetch failed'))).toBe(false);
  });
});
