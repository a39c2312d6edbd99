import { describe, expect, it } from 'vitest';
import { countTokenRequest, metrics } from './index';
import { getMetrics } from './registry';

const sample = async (name: string, labels: Record<string, string>) => {
  const metric = (await getMetrics().registry.getMetricsAsJSON()).find((m) => m.name === name);
  const values = (metric?.values ?? []) as { labels: Record<string, string | number>; value: number }[];
  return values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value;
};

describe('metrics', () => {
  it('count token requests by granted mode or error code, passing the result or error through', async () => {
    await expect(countTokenRequest('dj', Promise.resolve({ access: { mode: 'green_room' } }))).resolves.toEqual({
      access: { mode: 'green_room' },
    });
    await countTokenRequest('listener', Promise.resolve({}));
    const refused = Object.assign(new Error('later'), { code: 'outside_slot' });
    await expect(countTokenRequest('dj', Promise.reject(refused))).rejects.toBe(refused);
    expect(await sample('radio_token_requests_total', { role: 'dj', result: 'green_room' })).toBe(1);
    expect(await sample('radio_token_requests_total', { role: 'listener', result: 'granted' })).toBe(1);
    expect(await sample('radio_token_requests_total', { role: 'dj', result: 'outside_slot' })).toBe(1);
  });

  it('start known series at 0 and give every loop task a failure series from its first pass', async () => {
    expect(await sample('radio_egress_events_total', { kind: 'restart' })).toBe(0);
    metrics.loopPass('enforce-slots', 0.01, false);
    expect(await sample('radio_loop_pass_failures_total', { task: 'enforce-slots' })).toBe(0);
    metrics.loopPass('enforce-slots', 0.01, true);
    expect(await sample('radio_loop_pass_failures_total', { task: 'enforce-slots' })).toBe(1);
  });

  it('count an open event stream until it closes, once', async () => {
    const close = metrics.sseOpened('channel');
    expect(await sample('radio_sse_connections', { stream: 'channel' })).toBe(1);
    close();
    close();
    expect(await sample('radio_sse_connections', { stream: 'channel' })).toBe(0);
  });
});
