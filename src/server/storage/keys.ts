// Pure key and URL helpers for HLS objects (no I/O; unit tested).

/** `<prefix>/<channelId>/<broadcastId>`: everything of one broadcast lives below it. */
export function broadcastPath(prefix: string, channelId: string, broadcastId: string): string {
  for (const part of [prefix, channelId, broadcastId]) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(part)) throw new Error(`invalid storage path segment "${part}"`);
  }
  return `${prefix}/${channelId}/${broadcastId}`;
}

/**
 * Object names of one egress attempt. Each attempt gets its own names, so a
 * restarted egress never overwrites a segment a CDN or player may have cached.
 */
export function attemptKeys(path: string, attempt: number) {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error('attempt must be a positive integer');
  const base = `${path}/a${attempt}`;
  return { playlist: `${base}.m3u8`, livePlaylist: `${base}-live.m3u8`, segmentPrefix: `${base}-seg` };
}

/** Public URL of an object: the base URL plus the key, each segment URL-encoded. */
export function publicObjectUrl(publicBaseUrl: string, key: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/** Whether a CDN may cache an object for long: segments never change, playlists change every segment. */
export function cacheableObject(key: string): boolean {
  return key.endsWith('.ts') || key.endsWith('.aac') || key.endsWith('.m4s');
}
