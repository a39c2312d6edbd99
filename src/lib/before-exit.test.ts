import { describe, expect, it } from 'vitest';
import { isStopping, onBeforeExit, runBeforeExit } from './before-exit';

describe('before-exit hooks', () => {
  it('runs every hook, and gives up on a hung one after the timeout', async () => {
    const ran: string[] = [];
    onBeforeExit(async () => void ran.push('a'));
    onBeforeExit(() => new Promise(() => ran.push('hung'))); // never settles
    const started = Date.now();
    expect(isStopping()).toBe(false);
    await runBeforeExit(50);
    expect(isStopping()).toBe(true);
    expect(ran).toEqual(['a', 'hung']);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
