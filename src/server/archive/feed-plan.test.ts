import { describe, expect, it } from 'vitest';
import { feedDuration, podcastFeed, xml } from './feed-plan';

const channel = {
  title: 'Deep & <Dark>',
  description: '',
  link: 'https://radio.example/c/deep/sets',
  self: 'https://radio.example/c/deep/podcast.xml',
  image: 'https://radio.example/c/deep/podcast.png',
  author: 'Radio',
  language: 'en',
};
const item = {
  guid: 'b1',
  title: 'Set "one"',
  description: 'Ada live',
  link: 'https://radio.example/c/deep/sets/b1',
  publishedAt: new Date('2026-12-04T20:00:00Z'),
  enclosureUrl: 'https://cdn.example/hls/c/b1/set.m4a',
  bytes: 1234567,
  seconds: 3725,
};

describe('podcastFeed', () => {
  const feed = podcastFeed(channel, [item]);

  it('has the channel tags Apple requires', () => {
    for (const tag of [
      '<title>',
      '<description>',
      '<language>en</language>',
      '<itunes:image href=',
      '<itunes:category text=',
      '<itunes:explicit>',
    ]) {
      expect(feed.split('<item>')[0]).toContain(tag);
    }
    expect(feed).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
  });

  it('gives each item a title, guid, date, duration and an audio/mp4 enclosure with its length', () => {
    expect(feed).toContain('<enclosure url="https://cdn.example/hls/c/b1/set.m4a" length="1234567" type="audio/mp4"/>');
    expect(feed).toContain('<guid isPermaLink="false">b1</guid>');
    expect(feed).toContain('<pubDate>Fri, 04 Dec 2026 20:00:00 GMT</pubDate>');
    expect(feed).toContain('<itunes:duration>1:02:05</itunes:duration>');
  });

  it('escapes text and falls back to the title for an empty description', () => {
    expect(feed).toContain('<title>Deep &amp; &lt;Dark&gt;</title>');
    expect(feed).toContain('<description>Deep &amp; &lt;Dark&gt;</description>');
    expect(feed).toContain('<title>Set &quot;one&quot;</title>');
  });
});

describe('xml and feedDuration', () => {
  it('drops control characters XML cannot hold', () => {
    expect(xml('a\u0001b\tc')).toBe('ab\tc');
  });
  it('formats H:MM:SS', () => {
    expect(feedDuration(59.6)).toBe('0:01:00');
    expect(feedDuration(36_000)).toBe('10:00:00');
  });
});
