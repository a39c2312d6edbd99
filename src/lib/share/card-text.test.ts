import { describe, expect, it } from 'vitest';
import type { ChannelLive } from '@/types/channel';
import { channelCardText, clip } from './card-text';

const off: ChannelLive = { known: true, onAir: false, djName: null, since: null, listeners: 0, hls: null };
const on: ChannelLive = { ...off, onAir: true, djName: 'DJ Kay', since: '2026-12-03T10:00:00Z', listeners: 3 };

describe('channelCardText', () => {
  it('names the DJ while on air', () => {
    const text = channelCardText({ name: 'Night Shift', description: 'Deep house.', live: on });
    expect(text).toMatchObject({ title: 'Night Shift', status: 'on-air', statusLabel: 'ON AIR', detail: 'Live now with DJ Kay' });
    expect(text.description).toBe('On air now: DJ Kay. Deep house.');
  });

  it('says off air, and unknown when the station cannot tell', () => {
    expect(channelCardText({ name: 'N', description: 'Deep house.', live: off })).toMatchObject({
      status: 'off-air',
      statusLabel: 'OFF AIR',
      detail: 'Deep house.',
    });
    expect(channelCardText({ name: 'N', description: '', live: { ...off, known: false } })).toMatchObject({
      status: 'unknown',
      statusLabel: 'STATUS UNKNOWN',
      detail: 'Live DJ sets on Live Radio',
    });
    expect(channelCardText({ name: 'N', description: '', live: off }, 'Night FM').detail).toBe('Live DJ sets on Night FM');
  });

  it('keeps long names and descriptions within the card', () => {
    const text = channelCardText({ name: 'x'.repeat(100), description: 'y '.repeat(300), live: off });
    expect(text.title).toHaveLength(60);
    expect(text.title.endsWith('…')).toBe(true);
    expect(text.description.length).toBeLessThanOrEqual(200);
  });
});

describe('clip', () => {
  it('flattens whitespace and cuts only what is too long', () => {
    expect(clip('  a \n b  ', 10)).toBe('a b');
    expect(clip('abcdef', 4)).toBe('abc…');
  });
});
