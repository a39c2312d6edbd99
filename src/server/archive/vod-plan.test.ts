import { describe, expect, it } from 'vitest';
import { attemptSegments, NOMINAL_SEGMENT_SECONDS, parseMediaPlaylist, segmentName, segmentsByAttempt, stitchVod } from './vod-plan';

const egressPlaylist = (attempt: number, n: number, startMs: number, ended = true) =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    '#EXT-X-PLAYLIST-TYPE:EVENT',
    '#EXT-X-TARGETDURATION:2',
    '#EXT-X-MEDIA-SEQUENCE:0',
    ...Array.from({ length: n }, (_, i) => [
      `#EXT-X-PROGRAM-DATE-TIME:${new Date(startMs + i * 2000).toISOString()}`,
      `#EXTINF:${i === n - 1 ? '1.234' : '2.000'},`,
      `a${attempt}-seg_${String(i).padStart(5, '0')}.ts`,
    ]).flat(),
    ...(ended ? ['#EXT-X-ENDLIST'] : []),
  ].join('\n');

describe('segment names', () => {
  it('reads attempt and sequence, and nothing else', () => {
    expect(segmentName('a2-seg_00012.ts')).toEqual({ attempt: 2, seq: 12 });
    expect(segmentName('a10-seg7.ts')).toEqual({ attempt: 10, seq: 7 });
    expect(segmentName('a1.m3u8')).toBeNull();
    expect(segmentName('set.m4a')).toBeNull();
  });

  it('groups a listing by attempt in start order, attempt 10 after 9', () => {
    const groups = segmentsByAttempt(['a10-seg_00000.ts', 'a9-seg_00001.ts', 'a9-seg_00000.ts', 'a9.m3u8', 'set.m3u8']);
    expect([...groups.keys()]).toEqual([9, 10]);
    expect(groups.get(9)).toEqual(['a9-seg_00001.ts', 'a9-seg_00000.ts']);
  });
});

describe('parseMediaPlaylist', () => {
  it('keeps each segment with its length and clock time', () => {
    const segs = parseMediaPlaylist(egressPlaylist(1, 3, Date.UTC(2026, 11, 4, 20)));
    expect(segs.map((s) => s.uri)).toEqual(['a1-seg_00000.ts', 'a1-seg_00001.ts', 'a1-seg_00002.ts']);
    expect(segs.map((s) => s.seconds)).toEqual([2, 2, 1.234]);
    expect(segs[1]?.at).toBe(Date.UTC(2026, 11, 4, 20) + 2000);
  });

  it('takes the last path segment of a URI and skips entries without a length', () => {
    expect(parseMediaPlaylist('#EXTM3U\n#EXTINF:2.0,\nhls/c/b/a1-seg_1.ts\nstray.ts\n')).toEqual([
      { uri: 'a1-seg_1.ts', seconds: 2, at: null },
    ]);
  });
});

describe('attemptSegments', () => {
  it('drops named segments storage lacks and appends stored ones the playlist never named', () => {
    const named = parseMediaPlaylist(egressPlaylist(1, 3, 0, false));
    const out = attemptSegments(named, ['a1-seg_00003.ts', 'a1-seg_00000.ts', 'a1-seg_00002.ts']);
    expect(out.map((s) => s.uri)).toEqual(['a1-seg_00000.ts', 'a1-seg_00002.ts', 'a1-seg_00003.ts']);
    expect(out.at(-1)).toEqual({ uri: 'a1-seg_00003.ts', seconds: NOMINAL_SEGMENT_SECONDS, at: null });
  });

  it('builds an attempt from the listing alone when its playlist is missing', () => {
    expect(attemptSegments([], ['a2-seg_1.ts', 'a2-seg_0.ts']).map((s) => s.uri)).toEqual(['a2-seg_0.ts', 'a2-seg_1.ts']);
  });
});

describe('stitchVod', () => {
  const t0 = Date.UTC(2026, 11, 4, 20);
  const a1 = { attempt: 1, segments: parseMediaPlaylist(egressPlaylist(1, 3, t0)) };
  const a3 = { attempt: 3, segments: parseMediaPlaylist(egressPlaylist(3, 2, t0 + 20_000)) };

  it('joins attempts in start order with one discontinuity between them and closes the list', () => {
    const vod = stitchVod([a3, { attempt: 2, segments: [] }, a1]);
    expect(vod).not.toBeNull();
    const lines = vod!.text.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      '#EXT-X-TARGETDURATION:2',
      '#EXT-X-MEDIA-SEQUENCE:0',
    ]);
    expect(lines.filter((l) => l === '#EXT-X-DISCONTINUITY')).toHaveLength(1);
    expect(lines.at(-1)).toBe('#EXT-X-ENDLIST');
    const uris = lines.filter((l) => !l.startsWith('#'));
    expect(uris).toEqual(['a1-seg_00000.ts', 'a1-seg_00001.ts', 'a1-seg_00002.ts', 'a3-seg_00000.ts', 'a3-seg_00001.ts']);
    expect(lines.indexOf('#EXT-X-DISCONTINUITY')).toBeLessThan(lines.indexOf('a3-seg_00000.ts'));
    expect(lines.filter((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME:'))).toEqual([
      `#EXT-X-PROGRAM-DATE-TIME:${new Date(t0).toISOString()}`,
      `#EXT-X-PROGRAM-DATE-TIME:${new Date(t0 + 20_000).toISOString()}`,
    ]);
  });

  it('sums the length and maps each attempt into the recording', () => {
    const vod = stitchVod([a1, a3])!;
    expect(vod.seconds).toBeCloseTo(5.234 + 3.234, 3);
    expect(vod.timeline).toEqual([
      { offset: 0, at: t0, seconds: 5.234 },
      { offset: 5.234, at: t0 + 20_000, seconds: 3.234 },
    ]);
  });

  it('is null when nothing was recorded', () => {
    expect(stitchVod([])).toBeNull();
    expect(stitchVod([{ attempt: 1, segments: [] }])).toBeNull();
  });

  it('rounds the target duration up to the longest segment', () => {
    const long = { attempt: 1, segments: [{ uri: 'a1-seg_0.ts', seconds: 2.4, at: null }] };
    expect(stitchVod([long])!.text).toContain('#EXT-X-TARGETDURATION:3');
  });
});
