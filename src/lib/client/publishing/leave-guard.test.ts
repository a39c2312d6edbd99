import { describe, expect, it } from 'vitest';
import { type AnchorInfo, type ClickInfo, clickLeavesPage, GUARD_STATE_KEY, isGuardEntry, LEAVES_PAGE } from './leave-guard';

const here = new URL('https://radio.example/dj/night');
const click: ClickInfo = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
const link = (href: string, extra: Partial<AnchorInfo> = {}): AnchorInfo => ({ href, target: '', download: false, ...extra });

describe('clickLeavesPage', () => {
  it('is true for a plain click on a link to another page, in the app or outside', () => {
    expect(clickLeavesPage(click, link('/'), here)).toBe(true);
    expect(clickLeavesPage(click, link('/admin'), here)).toBe(true);
    expect(clickLeavesPage(click, link('https://other.example/'), here)).toBe(true);
    expect(clickLeavesPage(click, link('/dj/night?x=1'), here)).toBe(true);
  });

  it('is false when the console keeps running', () => {
    expect(clickLeavesPage(click, null, here)).toBe(false);
    expect(clickLeavesPage(click, link('/dj/night#meters'), here)).toBe(false);
    expect(clickLeavesPage(click, link('/', { target: '_blank' }), here)).toBe(false);
    expect(clickLeavesPage(click, link('/file', { download: true }), here)).toBe(false);
    expect(clickLeavesPage({ ...click, ctrlKey: true }, link('/'), here)).toBe(false);
    expect(clickLeavesPage({ ...click, button: 1 }, link('/'), here)).toBe(false);
    expect(clickLeavesPage({ ...click, defaultPrevented: true }, link('/'), here)).toBe(false);
  });
});

describe('controls that leave without a link', () => {
  it('counts a plain click on a data-leaves-page control (Sign out) as leaving', () => {
    expect(clickLeavesPage(click, LEAVES_PAGE, here)).toBe(true);
    expect(clickLeavesPage({ ...click, button: 2 }, LEAVES_PAGE, here)).toBe(false);
  });
});

describe('isGuardEntry', () => {
  it('recognises only the history entry the guard pushed', () => {
    expect(isGuardEntry({ [GUARD_STATE_KEY]: true, __NA: true })).toBe(true);
    expect(isGuardEntry({ __NA: true })).toBe(false);
    expect(isGuardEntry(null)).toBe(false);
  });
});
