import { describe, expect, it } from 'vitest';
import { OpenStreams } from './open-streams';

describe('OpenStreams', () => {
  it('ends every open stream once on endAll, including one whose end removes it, and then refuses new ones', () => {
    const open = new OpenStreams();
    const ended: string[] = [];
    const a = () => ended.push('a');
    const b = () => (ended.push('b'), open.delete(b));
    open.add(a);
    open.add(b);
    open.add(() => ended.push('c'));
    open.delete(a);
    expect(open.stopping).toBe(false);
    expect(open.size).toBe(2);
    open.endAll();
    expect(ended).toEqual(['b', 'c']);
    expect(open.stopping).toBe(true);
    expect(open.size).toBe(1);
  });
});
