import { describe, expect, it } from 'vitest';
import { linkReportFrom } from './link-stats';

const at = (timestamp: number, bytesSent: number, packetsSent: number, packetsLost?: number, roundTripTime?: number) => ({
  timestamp,
  bytesSent,
  packetsSent,
  packetsLost,
  roundTripTime,
});

describe('linkReportFrom', () => {
  it('measures bitrate and loss over the interval, RTT as last reported', () => {
    // 96 000 bytes in 3 s = 256 kbit/s; 150 packets sent, 3 more lost = 2 %.
    expect(linkReportFrom(at(1_000, 10_000, 100, 5, 0.02), at(4_000, 106_000, 250, 8, 0.045))).toEqual({
      bitrateKbps: 256,
      lossPercent: 2,
      rttMs: 45,
    });
  });

  it('reports loss and RTT as unknown until the remote has reported them', () => {
    expect(linkReportFrom(at(0, 0, 0), at(2_000, 32_000, 100))).toEqual({ bitrateKbps: 128, lossPercent: null, rttMs: null });
  });

  it('never reports negative loss when the remote revises its count down', () => {
    expect(linkReportFrom(at(0, 0, 0, 10), at(1_000, 1_000, 50, 8))?.lossPercent).toBe(0);
  });

  it('has nothing to report without an interval: first snapshot, counters reset, no time passed', () => {
    expect(linkReportFrom(null, at(1_000, 10_000, 100))).toBeNull();
    expect(linkReportFrom(at(1_000, 10_000, 100), at(4_000, 500, 10))).toBeNull();
    expect(linkReportFrom(at(1_000, 10_000, 100), at(1_000, 10_000, 100))).toBeNull();
    expect(linkReportFrom({ timestamp: 0 }, at(1_000, 10_000, 100))).toBeNull();
  });
});
