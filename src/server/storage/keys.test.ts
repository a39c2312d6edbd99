import { describe, expect, it } from 'vitest';
import { attemptKeys, broadcastPath, cacheableObject, publicObjectUrl } from './keys';

describe('broadcastPath', () => {
  it('nests broadcast under channel under prefix', () => {
    expect(broadcastPath('hls', 'ch1', 'b1')).toBe('hls/ch1/b1');
  });
  it('refuses segments that could escape or collide', () => {
    expect(() => broadcastPath('hls', '../x', 'b1')).toThrow();
    expect(() => broadcastPath('hls', 'ch1', 'a/b')).toThrow();
    expect(() => broadcastPath('', 'ch1', 'b1')).toThrow();
  });
});

describe('attemptKeys', () => {
  it('gives every attempt distinct playlists and segment names in one folder', () => {
    const a1 = attemptKeys('hls/c/b', 1);
    const a2 = attemptKeys('hls/c/b', 2);
    expect(a1).toEqual({ playlist: 'hls/c/b/a1.m3u8', livePlaylist: 'hls/c/b/a1-live.m3u8', segmentPrefix: 'hls/c/b/a1-seg' });
    expect(a2.segmentPrefix).not.toBe(a1.segmentPrefix);
    expect(a2.livePlaylist).not.toBe(a1.livePlaylist);
  });
  it('needs a positive attempt', () => {
    expect(() => attemptKeys('p', 0)).toThrow();
  });
});

describe('publicObjectUrl', () => {
  it('joins base and key once and encodes each segment', () => {
    expect(publicObjectUrl('https://cdn.example.com/', 'hls/c/b/a1-live.m3u8')).toBe('https://cdn.example.com/hls/c/b/a1-live.m3u8');
    expect(publicObjectUrl('http://127.0.0.1:9000/bucket', 'a b/c')).toBe('http://127.0.0.1:9000/bucket/a%20b/c');
  });
});

describe('cacheableObject', () => {
  it('lets CDNs cache segments but not playlists', () => {
    expect(cacheableObject('hls/c/b/a1-seg_00001.ts')).toBe(true);
    expect(cacheableObject('hls/c/b/a1-live.m3u8')).toBe(false);
    expect(cacheableObject('hls/c/b/a1.m3u8')).toBe(false);
  });
});
