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
});
