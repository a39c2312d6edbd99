import { describe, expect, it } from 'vitest';
import { parsePlaylist } from './live-playlist';

const live = `#EXTM3U
#EXT-X-VERSION:4
#EXT-X-TARGETDURATION:2
#EXT-X-MEDIA-SEQUENCE:7
#EXT-X-PLAYLIST-TYPE:EVENT
#EXTINF:1.984,
a1-seg_00007.ts
#EXT-X-DISCONTINUITY
#EXTINF:1.963,
a1-seg_00008.ts
`;

describe('parsePlaylist', () => {
  it('reads segments, their durations, the media sequence and discontinuities', () => {
    const p = parsePlaylist(live);
    expect(p.mediaSequence).toBe(7);
    expect(p.segments).toEqual([
      { uri: 'a1-seg_00007.ts', duration: 1.984 },
      { uri: 'a1-seg_00008.ts', duration: 1.963 },
    ]);
    expect(p.discontinuities).toBe(1);
    expect(p.ended).toBe(false);
  });
  it('sees the end of a playlist', () => {
    expect(parsePlaylist(`${live}#EXT-X-ENDLIST\n`).ended).toBe(true);
  });
});
