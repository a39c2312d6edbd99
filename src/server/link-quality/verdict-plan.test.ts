import { describe, expect, it } from 'vitest';
import { linkReportSchema } from '@/types/link-quality';
import { currentLink, LINK_REPORT_MAX_AGE_MS, linkVerdict } from './verdict-plan';

const report = (lossPercent: number | null, rttMs: number | null, bitrateKbps = 256) => ({ bitrateKbps, lossPercent, rttMs });

describe('linkVerdict', () => {
  it('is good below 2 % loss and 300 ms RTT', () => {
    expect(linkVerdict(report(0, 5))).toBe('good');
    expect(linkVerdict(report(1.9, 299))).toBe('good');
  });

  it('is unstable from 2 % loss or 300 ms RTT, below 8 % and 800 ms', () => {
    expect(linkVerdict(report(2, 20))).toBe('unstable');
    expect(linkVerdict(report(0, 300))).toBe('unstable');
    expect(linkVerdict(report(7.9, 799))).toBe('unstable');
  });

  it('is poor from 8 % loss or 800 ms RTT, and when nothing leaves', () => {
    expect(linkVerdict(report(8, 20))).toBe('poor');
    expect(linkVerdict(report(0, 800))).toBe('poor');
    expect(linkVerdict(report(0, 5, 0))).toBe('poor');
  });

  it('does not count a figure the browser has not reported yet', () => {
    expect(linkVerdict(report(null, null))).toBe('good');
    expect(linkVerdict(report(null, 500))).toBe('unstable');
    expect(linkVerdict(report(10, null))).toBe('poor');
  });
});

describe('currentLink', () => {
  const stored = { identity: 'dj-a', report: report(0.5, 40), at: 1_000_000 };

  it('shows a recent report of whoever is on air, with its verdict and time', () => {
    expect(currentLink(stored, 'dj-a', 1_000_000 + LINK_REPORT_MAX_AGE_MS)).toEqual({
      ...stored.report,
      verdict: 'good',
      at: new Date(1_000_000).toISOString(),
    });
  });

  it('is no data when old, from another publisher, off air, or never reported', () => {
    expect(currentLink(stored, 'dj-a', 1_000_001 + LINK_REPORT_MAX_AGE_MS)).toBeNull();
    expect(currentLink(stored, 'dj-b', 1_000_000)).toBeNull();
    expect(currentLink(stored, null, 1_000_000)).toBeNull();
    expect(currentLink(undefined, 'dj-a', 1_000_000)).toBeNull();
  });
});

describe('linkReportSchema', () => {
  it('accepts a report with unknown loss and RTT', () => {
    expect(linkReportSchema.safeParse(report(null, null)).success).toBe(true);
  });

  it('refuses negative, out-of-range, missing or non-numeric figures', () => {
    for (const bad of [
      report(-1, 10),
      report(101, 10),
      report(1, 60_001),
      report(1, 10, -5),
      { bitrateKbps: 10, lossPercent: 1 },
      { bitrateKbps: '10', lossPercent: 1, rttMs: 1 },
      report(1, Number.NaN),
    ]) {
      expect(linkReportSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
