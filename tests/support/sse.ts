import { stackEnv } from './stack-env';

/**
 * Reads `event: state` frames of a server-sent events response into `states`, as they arrive (`times`: Date.now() at arrival).
 * `ended` resolves when the response ends (`clean`: by the server, its body complete) or its connection fails.
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
      let failed = false;
      const { value, done: end } = await reader.read().catch(() => ((failed = true), { value: undefined, done: true }));
      if (end) return { at: Date.now(), clean: !failed };
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
  return { res, states, times, ended: done, close: async () => void (controller.abort(), await done) };
}
