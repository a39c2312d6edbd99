import { describe, expect, it } from 'vitest';
import { channelInputSchema, channelUpdateSchema } from './channel';

describe('channel schemas', () => {
  it('gives a new channel an empty description by default', () => {
    expect(channelInputSchema.parse({ name: 'Main', slug: 'main' })).toEqual({ name: 'Main', slug: 'main', description: '' });
  });

  it('keeps an update to exactly the fields it names', () => {
    expect(channelUpdateSchema.parse({ name: 'Renamed' })).toEqual({ name: 'Renamed' });
    expect(channelUpdateSchema.parse({ description: '' })).toEqual({ description: '' });
  });

  it('refuses an empty update and unknown fields', () => {
    expect(channelUpdateSchema.safeParse({}).success).toBe(false);
    expect(channelUpdateSchema.safeParse({ name: 'x', liveName: 'y' }).success).toBe(false);
  });

  it('takes an HLS retention in whole days within bounds, or null for the station default', () => {
    expect(channelUpdateSchema.parse({ hlsRetentionDays: 30 })).toEqual({ hlsRetentionDays: 30 });
    expect(channelUpdateSchema.parse({ hlsRetentionDays: null })).toEqual({ hlsRetentionDays: null });
    expect(channelInputSchema.parse({ name: 'Main', slug: 'main' })).not.toHaveProperty('hlsRetentionDays');
    for (const bad of [0, 3651, 1.5, '7', -1]) {
      const result = channelUpdateSchema.safeParse({ hlsRetentionDays: bad });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/whole number of days from 1 to 3650/);
    }
  });
});
