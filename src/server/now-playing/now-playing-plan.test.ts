import { describe, expect, it } from 'vitest';
import { nowPlayingAccess, nowPlayingView, peakRaises, planWrite } from './now-playing-plan';

const dj = { id: 'u1', role: 'dj' as const };
const admin = { id: 'a1', role: 'admin' as const };
const onAir = { onAir: true, liveAccountId: 'u1', setOpen: true };

describe('nowPlayingAccess', () => {
  it('lets the DJ on air and admins set it', () => {
    expect(nowPlayingAccess(dj, onAir)).toEqual({ ok: true });
    expect(nowPlayingAccess(admin, onAir)).toEqual({ ok: true });
  });

  it('refuses another DJ, and a DJ while nobody (or an account-less publisher) is on air', () => {
    expect(nowPlayingAccess({ id: 'u2', role: 'dj' }, onAir)).toEqual({ ok: false, reason: 'not_on_air' });
    expect(nowPlayingAccess(dj, { onAir: false, liveAccountId: null, setOpen: false })).toEqual({ ok: false, reason: 'not_on_air' });
    expect(nowPlayingAccess(dj, { ...onAir, liveAccountId: null })).toEqual({ ok: false, reason: 'not_on_air' });
  });

  it('needs an open set, even for an admin', () => {
    expect(nowPlayingAccess(dj, { ...onAir, setOpen: false })).toEqual({ ok: false, reason: 'no_set' });
    expect(nowPlayingAccess(admin, { onAir: false, liveAccountId: null, setOpen: true })).toEqual({ ok: false, reason: 'no_set' });
  });
});

describe('planWrite', () => {
  const now = new Date('2026-12-04T20:00:00Z');

  it('starts a track now and leaves the show alone when only a track is sent', () => {
    expect(planWrite({ track: 'Song A' }, now)).toEqual({ showTitle: undefined, track: { title: 'Song A', startedAt: now } });
  });

  it('sets the show title, and an empty one goes back to the slot title', () => {
    expect(planWrite({ show: 'Deep Friday' }, now)).toEqual({ showTitle: 'Deep Friday', track: null });
    expect(planWrite({ show: '' }, now).showTitle).toBeNull();
  });
});

describe('nowPlayingView', () => {
  const track = { title: 'Song A', startedAt: new Date('2026-12-04T20:00:00Z') };

  it('is nothing off air, whatever is stored', () => {
    expect(nowPlayingView(false, { showTitle: 'X', lastTrack: track }, 'Slot')).toBeNull();
  });

  it('prefers the DJ’s title to the slot’s, and shows the current track', () => {
    expect(nowPlayingView(true, { showTitle: 'Deep Friday', lastTrack: track }, 'Slot')).toEqual({
      show: 'Deep Friday',
      track: { title: 'Song A', startedAt: '2026-12-04T20:00:00.000Z' },
    });
  });

  it('falls back to the slot title, then to none', () => {
    expect(nowPlayingView(true, { showTitle: null, lastTrack: null }, 'Slot')).toEqual({ show: 'Slot', track: null });
    expect(nowPlayingView(true, null, '  ')).toEqual({ show: null, track: null });
  });
});

describe('peakRaises', () => {
  it('raises only sets whose channel has more listeners now than their peak', () => {
    const open = [
      { id: 'b1', channelId: 'c1', peakListeners: 2 },
      { id: 'b2', channelId: 'c2', peakListeners: 5 },
      { id: 'b3', channelId: 'c3', peakListeners: 0 },
    ];
    expect(
      peakRaises(
        open,
        new Map([
          ['c1', 3],
          ['c2', 4],
        ]),
      ),
    ).toEqual([{ id: 'b1', peak: 3 }]);
  });
});
