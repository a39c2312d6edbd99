import 'server-only';
import { getEnv } from '../env';
import { getBranding } from '../station';
import { podcastFeed } from './feed-plan';
import { archiveChannel, listArchive } from './queries';

const FEED_ITEMS = 100;

function setTitle(s: { title: string | null; hosts: string[] }, day: string): string {
  const djs = s.hosts.join(' & ');
  if (!s.title) return `${djs || 'Set'}, ${day}`;
  return `${s.title}${djs ? ` with ${djs}` : ''}, ${day}`;
}

/** A channel's podcast (RSS 2.0 with iTunes tags): its newest public sets, the .m4a files as enclosures. */
export async function channelPodcast(slug: string): Promise<string> {
  const channel = await archiveChannel(slug);
  const { sets } = await listArchive(channel, {}, FEED_ITEMS);
  const station = await getBranding();
  const app = getEnv().APP_URL.replace(/\/+$/, '');
  const page = `${app}/c/${encodeURIComponent(channel.slug)}/sets`;
  return podcastFeed(
    {
      title: `${channel.name} (${station.name})`,
      description: channel.description || `Every set played live on ${channel.name}, to listen again.`,
      link: page,
      self: `${app}/c/${encodeURIComponent(channel.slug)}/podcast.xml`,
      image: `${app}/c/${encodeURIComponent(channel.slug)}/podcast.png`,
      author: station.name,
      language: 'en',
    },
    sets.map((s) => {
      const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: channel.timeZone }).format(new Date(s.startedAt));
      return {
        guid: s.id,
        title: setTitle(s, day),
        description: `${s.hosts.join(' & ') || 'A set'} live on ${channel.name}${s.bpm ? `, around ${Math.round(s.bpm)} BPM` : ''}.`,
        link: `${page}/${s.id}`,
        publishedAt: new Date(s.startedAt),
        enclosureUrl: s.downloadUrl,
        bytes: s.bytes,
        seconds: s.seconds,
      };
    }),
  );
}
