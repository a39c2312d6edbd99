import { describe, expect, it } from 'vitest';
import {
  endpointAllowed,
  GO_LIVE_COOLDOWN_MS,
  GO_LIVE_FRESH_MS,
  goLiveKey,
  nextReminderAt,
  planGoLive,
  planReminders,
  REMINDER_LEAD_MS,
  reminderKey,
  sendOutcome,
  type UpcomingSlot,
} from './push-plan';

const HOSTS = ['fcm.googleapis.com', 'push.apple.com'];
const now = new Date('2026-12-04T18:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const ahead = (ms: number) => new Date(now.getTime() + ms);

describe('endpointAllowed', () => {
  it('takes https endpoints on a push service host or its subdomains', () => {
    expect(endpointAllowed('https://fcm.googleapis.com/fcm/send/abc', HOSTS)).toBe(true);
    expect(endpointAllowed('https://web.push.apple.com/QGx', HOSTS)).toBe(true);
  });

  it('refuses anything that would point the server elsewhere', () => {
    for (const bad of [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://evilfcm.googleapis.com.example/x',
      'https://fcm.googleapis.com.evil.example/x',
      'https://127.0.0.1:9464/metrics',
      'https://user:pw@fcm.googleapis.com/x',
      'not a url',
    ]) {
      expect(endpointAllowed(bad, HOSTS), bad).toBe(false);
    }
  });
});

describe('planGoLive', () => {
  const channel = { id: 'c1', slug: 'night', name: 'Night', liveName: 'Ada', liveSince: ago(5_000) };

  it('notifies a channel that just went on air, naming it and its DJ, once', () => {
    const [notice, ...rest] = planGoLive([channel], new Set(), new Map(), now);
    expect(rest).toEqual([]);
    expect(notice?.key).toBe(goLiveKey('c1', channel.liveSince));
    expect(notice?.payload).toMatchObject({ kind: 'live', title: 'Night is live', url: '/c/night', channel: 'night' });
    expect(notice?.payload.body).toContain('Ada');
    expect(planGoLive([channel], new Set([notice?.key ?? '']), new Map(), now)).toEqual([]);
  });

  it('stays quiet about a channel on air for long (the app was down) and after a recent notice (a reconnect)', () => {
    expect(planGoLive([{ ...channel, liveSince: ago(GO_LIVE_FRESH_MS + 1) }], new Set(), new Map(), now)).toEqual([]);
    const recent = new Map([['c1', ago(GO_LIVE_COOLDOWN_MS - 60_000)]]);
    expect(planGoLive([channel], new Set(), recent, now)).toEqual([]);
    const old = new Map([['c1', ago(GO_LIVE_COOLDOWN_MS + 60_000)]]);
    expect(planGoLive([channel], new Set(), old, now)).toHaveLength(1);
  });
});

describe('planReminders', () => {
  const slot = (startIn: number, over: Partial<UpcomingSlot> = {}): UpcomingSlot => ({
    channelId: 'c1',
    slug: 'night',
    name: 'Night',
    slotId: 's1',
    occurrence: '2026-12-04T19:10:00',
    title: 'Deep Hours',
    hosts: ['Ada'],
    start: ahead(startIn),
    ...over,
  });

  it('reminds of a slot starting within 10 minutes, once per occurrence, with its title and hosts', () => {
    const [notice] = planReminders([slot(REMINDER_LEAD_MS)], new Set(), now);
    expect(notice?.key).toBe(reminderKey('s1', '2026-12-04T19:10:00'));
    expect(notice?.payload).toMatchObject({ kind: 'reminder', title: 'Night: starting in 10 min', url: '/c/night' });
    expect(notice?.payload.body).toBe('Deep Hours with Ada starts in 10 minutes.');
    expect(notice?.ttlSeconds).toBe(600);
    expect(planReminders([slot(60_000)], new Set([notice?.key ?? '']), now)).toEqual([]);
  });

  it('waits until the window opens and skips slots already started', () => {
    expect(planReminders([slot(REMINDER_LEAD_MS + 1_000)], new Set(), now)).toEqual([]);
    expect(planReminders([slot(0), slot(-60_000)], new Set(), now)).toEqual([]);
    // The app was down through the window's opening: still reminded, with the real time left.
    expect(planReminders([slot(3 * 60_000, { title: '', hosts: [] })], new Set(), now)[0]?.payload.body).toBe(
      'The next show starts in 3 minutes.',
    );
  });

  it('says when the next reminder falls due', () => {
    expect(nextReminderAt([slot(REMINDER_LEAD_MS + 30_000), slot(REMINDER_LEAD_MS + 90_000)], now)).toEqual(ahead(30_000));
    expect(nextReminderAt([slot(60_000)], now)).toBeNull();
  });
});

describe('sendOutcome', () => {
  it('deletes a subscription only when the push service says it is gone', () => {
    expect(sendOutcome(201)).toBe('sent');
    expect(sendOutcome(404)).toBe('gone');
    expect(sendOutcome(410)).toBe('gone');
    expect(sendOutcome(429)).toBe('failed');
    expect(sendOutcome(0)).toBe('failed');
  });
});
