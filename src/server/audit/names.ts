/**
 * Older entries (and the enforcement loop) name accounts by their internal id in the detail text.
 * The log shows names: ids that are accounts are replaced when the log is read.
 */
const ID_RE = /\b[A-Za-z0-9]{16,64}\b/g;

/** Tokens of a detail text that may be account ids (account ids are 16+ letters and digits). */
export function idCandidates(details: readonly string[]): string[] {
  return [...new Set(details.flatMap((d) => d.match(ID_RE) ?? []))];
}

/** The detail with every known account id replaced by that account's name; other text unchanged. */
export function withNames(detail: string, names: ReadonlyMap<string, string>): string {
  return detail.replace(ID_RE, (token) => names.get(token) ?? token);
}
