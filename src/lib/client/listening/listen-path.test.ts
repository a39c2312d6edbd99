import { describe, expect, it } from 'vitest';
import { choosePath, webrtcFailed } from './listen-path';

const hls = (preferred: boolean) => ({ playlistUrl: 'https://cdn/x-live.m3u8', ready: true, preferred });

describe('choosePath', () => {
  it('uses WebRTC while the room has room, HLS once it is full', () => {
    expect(choosePath('auto', hls(false), false)).toBe('webrtc');
    expect(choosePath('auto', hls(true), false)).toBe('hls');
  });
  it('falls back to HLS when WebRTC fails, if there is HLS', () => {
    expect(choosePath('auto', hls(false), true)).toBe('hls');
    expect(choosePath('auto', null, true)).toBe('webrtc');
  });
  it('does not pick a stream automatically before its first segments exist', () => {
    expect(choosePath('auto', { ...hls(true), ready: false }, true)).toBe('webrtc');
    expect(choosePath('hls', { ...hls(false), ready: false }, false)).toBe('hls');
  });
  it('honours a manual choice when it can play', () => {
    expect(choosePath('webrtc', hls(true), true)).toBe('webrtc');
    expect(choosePath('hls', hls(false), false)).toBe('hls');
    expect(choosePath('hls', null, false)).toBe('webrtc');
  });
});

describe('webrtcFailed', () => {
  it('is an error or a second reconnect attempt', () => {
    expect(webrtcFailed('error', 0)).toBe(true);
    expect(webrtcFailed('reconnecting', 1)).toBe(false);
    expect(webrtcFailed('reconnecting', 2)).toBe(true);
    expect(webrtcFailed('playing', 0)).toBe(false);
  });
});
