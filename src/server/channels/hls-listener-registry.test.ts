import { describe, expect, it } from 'vitest';
import { HlsListenerRegistry, SESSION_TTL_MS } from './hls-listener-registry';

describe('HlsListenerRegistry', () => {
  it('counts each session once per channel, however often it beats', () => {
    let t = 0;
    const r = new HlsListenerRegistry(() => t);
    r.beat('c1', 's1');
    r.beat('c1', 's1');
    r.beat('c1', 's2');
    r.beat('c2', 's1');
    expect(r.count('c1')).toBe(2);
    expect(r.count('c2')).toBe(1);
    expect(r.count('c3')).toBe(0);
  });

  it('drops sessions that say goodbye or miss their heartbeats', () => {
    let t = 0;
    const r = new HlsListenerRegistry(() => t);
    r.beat('c1', 'gone');
    r.beat('c1', 'alive');
    r.leave('c1', 'gone');
    expect(r.count('c1')).toBe(1);
    t = SESSION_TTL_MS - 1;
    r.beat('c1', 'alive');
    t = SESSION_TTL_MS + 1000;
    expect(r.count('c1')).toBe(1);
    t = 2 * SESSION_TTL_MS;
    expect(r.count('c1')).toBe(0);
  });
});
