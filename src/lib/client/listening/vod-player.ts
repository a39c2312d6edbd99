import type Hls from 'hls.js';

const canPlayNatively = (el: HTMLAudioElement) => el.canPlayType('application/vnd.apple.mpegurl') !== '';

/**
 * Plays a finished set's VOD playlist in an <audio> element: hls.js where Media Source works,
 * the browser's own HLS (Safari, iOS) otherwise. Returns a detach function.
 */
export async function attachVod(el: HTMLAudioElement, url: string, startAt: number): Promise<() => void> {
  const { default: HlsJs } = await import('hls.js');
  if (!HlsJs.isSupported() && canPlayNatively(el)) {
    el.src = url;
    if (startAt > 0) el.addEventListener('loadedmetadata', () => (el.currentTime = startAt), { once: true });
    return () => el.removeAttribute('src');
  }
  const player: Hls = new HlsJs({ startPosition: startAt > 0 ? startAt : -1 });
  player.on(HlsJs.Events.ERROR, (_e, data) => {
    if (!data.fatal) return;
    if (data.type === HlsJs.ErrorTypes.MEDIA_ERROR) player.recoverMediaError();
    else if (data.type === HlsJs.ErrorTypes.NETWORK_ERROR) player.startLoad();
  });
  player.loadSource(url);
  player.attachMedia(el);
  return () => player.destroy();
}
