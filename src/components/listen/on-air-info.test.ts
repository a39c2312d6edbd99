import { describe, expect, it } from 'vitest';
import { liveTabTitle, mediaInfo } from './on-air-info';

const slot = { title: 'Deep Friday', start: '2026-12-04T21:00:00Z', end: '2026-12-04T23:00:00Z', hosts: ['Ana'] };
const live = { name: 'Night Shift', live: { onAir: true, djName: 'Ana' } };
const off = { name: 'Night Shift', live: { onAir: false, djName: null } };

describe('mediaInfo', () => {
  it('names the show, the DJ and the channel while on air', () => {
    expect(mediaInfo(live, slot)).toEqual({ title: 'Deep Friday', artist: 'Ana', album: 'Night Shift' });
  });

  it('falls back to the DJ when the slot has no title or there is none', () => {
    expect(mediaInfo(live, { ...slot, title: '  ' })).toEqual({ title: 'Ana', artist: 'Ana', album: 'Night Shift' });
    expect(mediaInfo(live, null).title).toBe('Ana');
    expect(mediaInfo({ name: 'X', live: { onAir: true, djName: null } }, null).artist).toBe('Unknown DJ');
  });

  it('names the track, with the show and channel as album, once the DJ announced one', () => {
    const playing = { show: 'Warehouse', track: { title: 'Artist – Song', startedAt: '2026-12-04T21:05:00Z' } };
    expect(mediaInfo(live, slot, playing)).toEqual({ title: 'Artist – Song', artist: 'Ana', album: 'Warehouse · Night Shift' });
    expect(mediaInfo(live, null, { show: null, track: playing.track }).album).toBe('Night Shift');
    // The DJ's show title before any track.
    expect(mediaInfo(live, slot, { show: 'Warehouse', track: null }).title).toBe('Warehouse');
    expect(mediaInfo(off, slot, playing).title).toBe('Night Shift');
  });

  it('names the channel off air, whatever the schedule says', () => {
    expect(mediaInfo(off, slot)).toEqual({ title: 'Night Shift', artist: 'Off air', album: 'Night Shift' });
  });
});

describe('liveTabTitle', () => {
  it('says who is on air, and nothing off air', () => {
    expect(liveTabTitle(live)).toBe('● Ana on Night Shift');
    expect(liveTabTitle(off)).toBeNull();
  });
});
