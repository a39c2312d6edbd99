import { describe, expect, it } from 'vitest';
import { shareFeedback, shareMethod, shareRejection } from './share-plan';

describe('shareMethod', () => {
  it('prefers the share sheet, then the clipboard', () => {
    expect(shareMethod({ share: true, clipboard: true })).toBe('share');
    expect(shareMethod({ share: true, clipboard: false })).toBe('share');
    expect(shareMethod({ share: false, clipboard: true })).toBe('copy');
    expect(shareMethod({ share: false, clipboard: false })).toBe('none');
  });
});

describe('shareFeedback', () => {
  it('names what was copied and says nothing for a cancelled sheet', () => {
    expect(shareFeedback('copied', 'link')).toBe('Link copied');
    expect(shareFeedback('copied', 'embed code')).toBe('Embed code copied');
    expect(shareFeedback('shared', 'link')).toBe('Shared');
    expect(shareFeedback('cancelled', 'link')).toBeNull();
    expect(shareFeedback('failed', 'embed code')).toMatch(/select the embed code/);
  });
});

describe('shareRejection', () => {
  it('reads AbortError as cancelled and anything else as failed', () => {
    expect(shareRejection(new DOMException('closed', 'AbortError'))).toBe('cancelled');
    expect(shareRejection(new DOMException('denied', 'NotAllowedError'))).toBe('failed');
    expect(shareRejection('odd')).toBe('failed');
  });
});
