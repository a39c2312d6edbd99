import { stackEnv } from './stack-env';

/**
 * Reads `event: state` frames of a server-sent events response into `states`, as they arrive (`times`: Date.now() at arrival).
 * `ended` resolves with Date.now() when the response ends or its connection fails.
 */
export async function openStream<T>(path: string, cookie?: string) {
  const controller = new AbortController();
  const res = await fetch(new URL(path, stackEnv().APP_URL), { headers: cookie ? { cookie } : {}, signal: controller.signal });
  const states: T[] = [];
  const times: number[] = [];
  const done = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done: end } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (end) return;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (frame.includes('event: state') && data) {
          states.push(JSON.parse(data.slice(6)) as T);
          times.push(Date.now());
        }
      }
    }
  })();
  const ended = done.then(() => Date.now());
  return { res, states, times, ended, close: async () => (controller.abort(), await done) };
}
