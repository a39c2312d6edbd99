/**
 * The public links a channel is shared and embedded by. Pure, shared by the proxy (which route
 * may be framed), the pages' metadata and the share controls.
 */

/** The one route other sites may frame: `/embed/<slug>`. */
const EMBED_PATH = /^\/embed\/[^/]+\/?$/;

/** Request header src/proxy.ts sets for the root layout: '1' when the request renders the embed player. */
export const EMBED_REQUEST_HEADER = 'x-radio-embed';

export function isEmbedPath(pathname: string): boolean {
  return EMBED_PATH.test(pathname);
}

export function channelPath(slug: string): string {
  return `/c/${encodeURIComponent(slug)}`;
}

export function embedPath(slug: string): string {
  return `/embed/${encodeURIComponent(slug)}`;
}

/** Height (px) the embed snippet asks for: the compact player fits without scrolling. */
export const EMBED_HEIGHT = 190;

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };

/** Escapes text for an HTML attribute value (the channel name is admin-written). */
export function escapeAttribute(text: string): string {
  return text.replace(/[&"<>']/g, (c) => ESCAPES[c] ?? c);
}

/** The iframe snippet another site pastes to carry the channel's player. */
export function embedSnippet({ origin, slug, name }: { origin: string; slug: string; name: string }): string {
  const src = new URL(embedPath(slug), origin).toString();
  const title = escapeAttribute(`${name}: live radio player`);
  return `<iframe src="${escapeAttribute(src)}" title="${title}" width="100%" height="${EMBED_HEIGHT}" style="border:0;max-width:640px" allow="autoplay" loading="lazy"></iframe>`;
}
