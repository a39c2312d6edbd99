import { describe, expect, it } from 'vitest';
import { filterZones, suggestSlug, zoneList } from './time-zones';

const zones = zoneList([
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Asia/Tokyo',
  'UTC',
  'America/Yorktown',
]);

describe('zone list', () => {
  it('puts UTC first once, then the zones sorted', () => {
    expect(zones).toEqual([
      'UTC',
      'America/Los_Angeles',
      'America/New_York',
      'America/Yorktown',
      'Asia/Tokyo',
      'Europe/Berlin',
      'Europe/London',
    ]);
    expect(zoneList(['Europe/Berlin'])).toEqual(['UTC', 'Europe/Berlin']);
  });

  it('finds zones by city, region or words, case and underscores ignored', () => {
    expect(filterZones(zones, 'new york')).toEqual(['America/New_York']);
    expect(filterZones(zones, 'LONDON')).toEqual(['Europe/London']);
    expect(filterZones(zones, 'europe')).toEqual(['Europe/Berlin', 'Europe/London']);
    expect(filterZones(zones, 'america/los_a')).toEqual(['America/Los_Angeles']);
    expect(filterZones(zones, 'nowhere')).toEqual([]);
  });

  it('ranks a city starting with the query first', () => {
    expect(filterZones(zones, 'york')).toEqual(['America/Yorktown', 'America/New_York']);
  });

  it('returns the start of the list for an empty query, up to the limit', () => {
    expect(filterZones(zones, '  ', 2)).toEqual(['UTC', 'America/Los_Angeles']);
  });
});

describe('slug suggestion', () => {
  it('makes a valid slug from a name', () => {
    expect(suggestSlug('Morning Deep House')).toBe('morning-deep-house');
    expect(suggestSlug('  Café Ünter  Berlin!! ')).toBe('cafe-unter-berlin');
    expect(suggestSlug('Drum & Bass 24/7')).toBe('drum-and-bass-24-7');
    expect(suggestSlug('---')).toBe('');
  });

  it('stays within 48 characters and never ends in a dash', () => {
    const slug = suggestSlug(`${'a'.repeat(47)} b`);
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug.endsWith('-')).toBe(false);
  });
});
