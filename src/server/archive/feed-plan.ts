// The podcast feed of a channel's archive as RSS 2.0 with the iTunes tags Apple requires
// (channel: title, description, image, language, category, explicit; item: title, enclosure,
// guid), plus the recommended author, link, pubDate and duration. Pure; unit tested.

export type FeedChannel = {
  title: string;
  description: string;
  /** The channel's archive page (absolute). */
  link: string;
  /** The feed's own URL (absolute), for atom:link rel=self. */
  self: string;
  /** A square PNG of at least 1400 px (absolute). */
  image: string;
  author: string;
  language: string;
};

export type FeedItem = {
  guid: string;
  title: string;
  description: string;
  link: string;
  publishedAt: Date;
  enclosureUrl: string;
  bytes: number;
  seconds: number;
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** XML text and attribute escaping; control characters XML 1.0 forbids are dropped. */
export function xml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** itunes:duration as H:MM:SS. */
export function feedDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

function item(i: FeedItem): string {
  return [
    '    <item>',
    `      <title>${xml(i.title)}</title>`,
    `      <description>${xml(i.description)}</description>`,
    `      <link>${xml(i.link)}</link>`,
    `      <guid isPermaLink="false">${xml(i.guid)}</guid>`,
    `      <pubDate>${i.publishedAt.toUTCString()}</pubDate>`,
    `      <enclosure url="${xml(i.enclosureUrl)}" length="${Math.max(0, Math.round(i.bytes))}" type="audio/mp4"/>`,
    `      <itunes:duration>${feedDuration(i.seconds)}</itunes:duration>`,
    '      <itunes:episodeType>full</itunes:episodeType>',
    '      <itunes:explicit>false</itunes:explicit>',
    '    </item>',
  ].join('\n');
}

export function podcastFeed(c: FeedChannel, items: FeedItem[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xml(c.title)}</title>`,
    `    <description>${xml(c.description || c.title)}</description>`,
    `    <link>${xml(c.link)}</link>`,
    `    <atom:link href="${xml(c.self)}" rel="self" type="application/rss+xml"/>`,
    `    <language>${xml(c.language)}</language>`,
    `    <itunes:author>${xml(c.author)}</itunes:author>`,
    `    <itunes:image href="${xml(c.image)}"/>`,
    '    <itunes:category text="Music"/>',
    '    <itunes:explicit>false</itunes:explicit>',
    '    <itunes:type>episodic</itunes:type>',
    ...items.map(item),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
