import { execFile } from 'node:child_process';

export type CurlAnswer<T> = { status: number; body: T; totalMs: number; serverTiming: string };

/**
 * POSTs JSON with curl, a process of its own: its `time_total` is the request's round trip as a
 * client sees it, free of this process's event loop (which, in a bench that also publishes and
 * stamps audio frames in JavaScript, can sit on a finished response for seconds under load).
 */
export function curlPostJson<T>(appUrl: string, route: string, body: unknown, cookie?: string): Promise<CurlAnswer<T>> {
  const marker = '\n@@curl@@';
  const args = ['-sS', '-D', '-', '-X', 'POST', '-H', 'content-type: application/json', '-H', `origin: ${appUrl}`];
  if (cookie) args.push('-H', `cookie: ${cookie}`);
  args.push('--data-binary', JSON.stringify(body), '-w', `${marker}%{http_code} %{time_total}`, `${appUrl}${route}`);
  return new Promise((resolve, reject) => {
    execFile('curl', args, { maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) return reject(new Error(`curl POST ${route}: ${err.message}`));
      const at = stdout.lastIndexOf(marker);
      const [code, seconds] = stdout.slice(at + marker.length).split(' ');
      const response = stdout.slice(0, at);
      const split = response.indexOf('\r\n\r\n');
      const headers = response.slice(0, split);
      const serverTiming = /^server-timing:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? '';
      const text = response.slice(split + 4);
      let parsed: T;
      try {
        parsed = JSON.parse(text) as T;
      } catch {
        return reject(new Error(`curl POST ${route}: HTTP ${code}, not JSON: ${text.slice(0, 200)}`));
      }
      resolve({ status: Number(code), body: parsed, totalMs: Math.round(Number(seconds) * 1000), serverTiming });
    });
  });
}
