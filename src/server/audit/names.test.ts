import { describe, expect, it } from 'vitest';
import { idCandidates, withNames } from './names';

const id = 'Xq3k9TtZpL2mB7cR1vN8sW4y';

describe('audit names', () => {
  it('finds account-id-like tokens once each, and no ordinary words', () => {
    expect(idCandidates([`on air: ${id} (slot “Late” until 2026-12-03T17:00:00.000Z)`, `off air: ${id}`])).toEqual([id]);
    expect(idCandidates(['“Opening Set” 2026-12-03T17:00:00 UTC', 'changed: name, slug'])).toEqual([]);
  });

  it('replaces known ids by names and leaves the rest', () => {
    const names = new Map([[id, 'DJ Ana']]);
    expect(withNames(`${id} → unknownAccountId12345`, names)).toBe('DJ Ana → unknownAccountId12345');
    expect(withNames('disabled or deleted: nobody', names)).toBe('disabled or deleted: nobody');
  });
});
