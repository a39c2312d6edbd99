// Placeholder and example secrets are refused at start (src/server/env.schema.ts) and when
// LiveKit's config is rendered (scripts/render-livekit-config.ts): a length check alone let the
// 48-character `change-me-...` values of the example files through. Pure, no 'server-only'.

/** Words that mark a value copied from an example or a tutorial rather than generated. */
// No short words: "your-" turns up in about 1 of 1,500,000 random base64url strings of 48 characters.
const PLACEHOLDER_WORDS = [
  'change-me',
  'changeme',
  'change_me',
  'replace-me',
  'replace_me',
  'replaceme',
  'placeholder',
  'example',
  'secretsecret',
];
/** Lower-case words joined by dashes or underscores ("your-r2-secret-access-key"): written, not drawn. */
const WORDS_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$/;
/** A generated secret of 32+ characters uses far more distinct characters than this. */
const MIN_DISTINCT_CHARACTERS = 8;

export const SECRET_HINT = 'generate one with `openssl rand -base64 36`';

/** Why `value` is a placeholder rather than a real secret, or null when it looks generated. */
export function placeholderSecretProblem(value: string): string | null {
  const lower = value.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word) return `is a placeholder (contains "${word}"): ${SECRET_HINT}`;
  if (WORDS_PATTERN.test(value)) return `is a placeholder (reads as words, e.g. "your-..."): ${SECRET_HINT}`;
  if (new Set(value).size < MIN_DISTINCT_CHARACTERS) return `is a placeholder (too few distinct characters): ${SECRET_HINT}`;
  if (/^(.{1,12})\1+$/.test(value) || /0123456789|abcdefghij/i.test(value))
    return `is a placeholder (a repeated or counting pattern): ${SECRET_HINT}`;
  return null;
}
