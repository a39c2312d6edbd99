import { describe, it, expect } from 'vitest';
import { applyRelease, meterPercent, meterZone, peakOf, toDbfs, METER_FLOOR_DB } from './level-math';

describe('peakOf', () => {
  it('returns the largest absolute sample', () => {
    expect(peakOf([0.1, -0.8, 0.5])).toBeCloseTo(0.8);
  });
  it('is 0 for an empty block', () => {
    expect(peakOf(new Float32Array(0))).toBe(0);
  });
});

describe('toDbfs', () => {
  it('maps full scale to 0 dB and half scale to about -6 dB', () => {
    expect(toDbfs(1)).toBe(0);
    expect(toDbfs(0.5)).toBeCloseTo(-6.02, 1);
  });
  it('clamps silence and overs', () => {
    expect(toDbfs(0)).toBe(METER_FLOOR_DB);
    expect(toDbfs(Number.NaN)).toBe(METER_FLOOR_DB);
    expect(toDbfs(1e-9)).toBe(METER_FLOOR_DB);
    expect(toDbfs(2)).toBe(0);
  });
});

describe('applyRelease', () => {
  it('rises instantly', () => {
    expect(applyRelease(-40, -10, 16)).toBe(-10);
  });
  it('falls at the release rate', () => {
    expect(applyRelease(-10, -60, 500, 24)).toBeCloseTo(-22);
  });
  it('never falls below the new level or the floor', () => {
    expect(applyRelease(-10, -15, 10_000)).toBe(-15);
    expect(applyRelease(-50, -80, 10_000)).toBe(METER_FLOOR_DB);
  });
});

describe('meterPercent and meterZone', () => {
  it('spans the floor to 0 dB', () => {
    expect(meterPercent(METER_FLOOR_DB)).toBe(0);
    expect(meterPercent(0)).toBe(100);
    expect(meterPercent(-30)).toBe(50);
    expect(meterPercent(12)).toBe(100);
  });
  it('bands levels', () => {
    expect(meterZone(METER_FLOOR_DB)).toBe('silent');
    expect(meterZone(-45)).toBe('low');
    expect(meterZone(-12)).toBe('good');
    expect(meterZone(-3)).toBe('hot');
    expect(meterZone(0)).toBe('clip');
  });
});
