import { describe, it, expect } from 'vitest';
import { publishingStatusText } from './publishing-status-text';

describe('publishingStatusText', () => {
  it('describes every phase', () => {
    expect(publishingStatusText('idle')).toBe('Off air.');
    expect(publishingStatusText('live')).toBe('On air.');
    expect(publishingStatusText('waiting')).toMatch(/green room/);
    expect(publishingStatusText('reconnecting')).toMatch(/reconnecting/);
    expect(publishingStatusText('error')).toBe('Not on air.');
  });
});
