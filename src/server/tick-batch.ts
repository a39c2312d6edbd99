/**
 * Coalesces the single-key reads made in one turn of the event loop into one call of `load` with
 * every key (a data loader without a cache). The live streams compute each followed channel's state
 * side by side once a pass, so a per-channel query becomes one query a pass.
 */
export function tickBatch<K, V>(load: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  let waiting: { key: K; resolve: (v: V | undefined) => void; reject: (err: unknown) => void }[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    load([...new Set(batch.map((w) => w.key))]).then(
      (values) => batch.forEach((w) => w.resolve(values.get(w.key))),
      (err: unknown) => batch.forEach((w) => w.reject(err)),
    );
  };
  return (key) =>
    new Promise((resolve, reject) => {
      // Resolved callers run in a later microtask, so every read started in this turn joins the batch.
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ key, resolve, reject });
    });
}

/** The first row of each key, in the rows' order (a batched read's answer when one row per key is wanted). */
export function firstPerKey<K, R>(rows: readonly R[], keyOf: (row: R) => K): Map<K, R> {
  const first = new Map<K, R>();
  for (const row of rows) if (!first.has(keyOf(row))) first.set(keyOf(row), row);
  return first;
}

/**
 * SQLite takes at most 999 parameters a statement (Prisma's limit for it): a batched read of every
 * channel of a pass asks in parts of this many keys, so a large station does not fail every channel at once.
 */
export const READ_CHUNK = 400;

/** `read` over `keys` in parts of at most `size`, one after another, rows concatenated. */
export async function inChunks<K, R>(keys: readonly K[], read: (part: K[]) => Promise<R[]>, size = READ_CHUNK): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < keys.length; i += size) rows.push(...(await read(keys.slice(i, i + size))));
  return rows;
}
