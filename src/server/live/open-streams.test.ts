import { describe, expect, it } from 'vitest';
import { OpenStreams } from './open-streams';

describe('OpenStreams', () => {
  it('ends every open stream once on endAll, including one whose end removes it and past one that throws', () => {
    const open = new OpenStreams();
    const ended: string[] = [];
    const a = () => ended.push('a');
    const b = () => (ended.push('b'), open.delete(b));
    open.add(a);
    open.add(b);
    open.add(() => {
      ended.push('throws');
      throw new Error('a release failed');
    });
    open.add(() => ended.push('c'));
    open.delete(a);
    expect(open.size).toBe(3);
    open.endAll();
    expect(ended).toEqual(['b', 'throws', 'c']);
    expect(open.size).toBe(1); // c stays registered until its own end removes it (sse.ts)
  });
});
