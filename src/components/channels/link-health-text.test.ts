import { describe, expect, it } from 'vitest';
import { linkFiguresText } from './link-health-text';

describe('linkFiguresText', () => {
  it('says bitrate, loss and RTT in plain units', () => {
    expect(linkFiguresText({ bitrateKbps: 254.4, lossPercent: 0.42, rttMs: 37.6 })).toBe('254 kbps · 0.4 % loss · 38 ms RTT');
  });

  it('marks a figure not measured yet', () => {
    expect(linkFiguresText({ bitrateKbps: 128, lossPercent: null, rttMs: null })).toBe('128 kbps · – loss · – RTT');
  });
});
