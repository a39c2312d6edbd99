// The harness's control endpoint (scripts/stack/control.ts): crash and restart LiveKit from a test.
import { expect } from 'vitest';

export function controlUrl(): string {
  const url = process.env.STACK_CONTROL_URL;
  if (!url) throw new Error('STACK_CONTROL_URL is missing: run through scripts/with-stack.ts (npm run test:crash)');
  return url;
}

/** Kills (SIGKILL, not restarted by the harness's supervisor) or starts the stack's livekit-server. */
export async function livekitControl(action: 'kill' | 'start'): Promise<void> {
  const res = await fetch(new URL(`livekit/${action}`, controlUrl()), { method: 'POST' });
  expect(res.status, await res.text()).toBe(204);
}

/** Stops (SIGTERM, once: the app's own graceful stop) or starts the stack's app server; resolves once it is down or answers. */
export async function appControl(action: 'stop' | 'start'): Promise<void> {
  const res = await fetch(new URL(`app/${action}`, controlUrl()), { method: 'POST' });
  expect(res.status, await res.text()).toBe(204);
}
