/** Pure helpers for the channel form: the time zone list, its search, the slug suggested from a name. */

/** IANA zones this runtime knows, sorted, with UTC first (some runtimes leave it out of the list). */
export function zoneList(supported: readonly string[]): string[] {
  return ['UTC', ...[...new Set(supported)].filter((z) => z !== 'UTC').sort()];
}

/** The browser's zone list (Intl), or just UTC where the runtime cannot list zones. */
export function runtimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return zoneList(typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : []);
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[_/\s-]+/g, ' ')
    .trim();

/**
 * Zones matching every word of the query ("new york", "york", "america/new_y"), best first:
 * the city starting with the query, then any part starting with it, then containing it.
 */
export function filterZones(zones: readonly string[], query: string, limit = 50): string[] {
  const q = normalise(query);
  if (!q) return zones.slice(0, limit);
  const words = q.split(' ');
  const rank = (zone: string) => {
    const city = normalise(zone.slice(zone.lastIndexOf('/') + 1));
    const full = normalise(zone);
    if (city.startsWith(q) || full === q) return 0;
    if (full.startsWith(q) || full.includes(` ${q}`)) return 1;
    return 2;
  };
  return zones
    .filter((zone) => {
      const full = normalise(zone);
      return words.every((w) => full.includes(w));
    })
    .map((zone, i) => ({ zone, r: rank(zone), i }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.zone);
}

/** A slug from a channel name: lowercase ASCII letters, digits and single dashes, at most 48 characters. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}
