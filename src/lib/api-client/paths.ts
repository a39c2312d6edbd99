/** Every app route the browser calls, built in one place (ids and slugs URL-encoded). */
const seg = encodeURIComponent;

export const apiPaths = {
  /** A page of the channel list; the defaults (page 1, no search) are left out of the URL. */
  channels: (page = 1, q = '') => {
    const query = new URLSearchParams({ ...(page > 1 && { page: String(page) }), ...(q && { q }) }).toString();
    return query ? `/api/channels?${query}` : '/api/channels';
  },
  channelState: (slug: string) => `/api/channels/${seg(slug)}/state`,
  /** The channel's live update stream; `hls` counts the caller as an HLS listener. */
  channelEvents: (slug: string, hls = false) => `/api/channels/${seg(slug)}/events${hls ? '?hls=1' : ''}`,
  schedule: (slug: string, query: URLSearchParams) => `/api/channels/${seg(slug)}/schedule?${query}`,
  scheduleIcs: (slug: string) => `/api/channels/${seg(slug)}/schedule.ics`,
  nowPlaying: (slug: string) => `/api/channels/${seg(slug)}/now-playing`,
  /** The on-air DJ console's connection report. */
  linkQuality: (slug: string) => `/api/channels/${seg(slug)}/link-quality`,
  set: (slug: string, broadcastId: string) => `/api/channels/${seg(slug)}/broadcasts/${seg(broadcastId)}`,
  setTempo: (slug: string, broadcastId: string) => `/api/channels/${seg(slug)}/broadcasts/${seg(broadcastId)}/tempo`,
  token: () => '/api/livekit/token',
  pushSubscriptions: () => '/api/push/subscriptions',
  pushLookup: () => '/api/push/subscriptions/lookup',
  ingressList: (channelId: string) => `/api/livekit/ingress?channelId=${seg(channelId)}`,
  ingress: () => '/api/livekit/ingress',
  ingressInput: (id: string) => `/api/livekit/ingress/${seg(id)}`,
  ingressRotate: (id: string) => `/api/livekit/ingress/${seg(id)}/rotate`,
  action: (id: string) => `/api/actions/${seg(id)}`,
  actionRetry: (id: string) => `/api/actions/${seg(id)}/retry`,
  setup: () => '/api/setup',
  ownPassword: () => '/api/account/password',
  admin: {
    actions: () => '/api/admin/actions',
    station: () => '/api/admin/station',
    stationLogo: () => '/api/admin/station/logo',
    events: () => '/api/admin/events',
    /** One snapshot of the admin state, the stream's fallback. */
    state: () => '/api/admin/events?once',
    audit: (query: URLSearchParams) => `/api/admin/audit?${query}`,
    accounts: () => '/api/admin/accounts',
    account: (id: string) => `/api/admin/accounts/${seg(id)}`,
    accountPassword: (id: string) => `/api/admin/accounts/${seg(id)}/password`,
    channels: () => '/api/admin/channels',
    channel: (id: string) => `/api/admin/channels/${seg(id)}`,
    channelKick: (id: string) => `/api/admin/channels/${seg(id)}/kick`,
    channelDjs: (id: string) => `/api/admin/channels/${seg(id)}/djs`,
    channelSlots: (id: string) => `/api/admin/channels/${seg(id)}/slots`,
    slot: (id: string) => `/api/admin/slots/${seg(id)}`,
    slotOccurrences: (id: string) => `/api/admin/slots/${seg(id)}/occurrences`,
  },
};
