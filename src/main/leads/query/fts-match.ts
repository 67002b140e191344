/**
 * Turns what a person typed into a safe FTS5 MATCH expression: every word is a quoted phrase (so quotes,
 * operators, `-`, `*`, `NEAR(` are plain text), all words must match, and the last word matches as a prefix
 * because it may still be being typed. Null when nothing searchable is left (only punctuation or blank).
 */
export function toMatchExpression(search: string | undefined): string | null {
  const words = (search ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replaceAll('"', '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
