import { describe, it, expect } from 'vitest';
import { broadcastStatusText } from './broadcast-status-text';

describe('broadcastStatusText', () => {
  it('describes every phase', () => {
    expect(broadcastStatusText('idle')).toBe('Off air.');
    expect(broadcastStatusText('live')).toBe('On air.');
    expect(broadcastStatusText('waiting')).toMatch(/green room/);
    expect(broadcastStatusText('reconnecting')).toMatch(/reconnecting/);
    expect(broadcastStatusText('error')).toBe('Not on air.');
  });
});
