/** Words separated by commas, trimmed, blanks dropped; undefined when none is left (the filter field goes away). */
export function splitWords(text: string): string[] | undefined {
  const words = text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  return words.length > 0 ? words : undefined;
}
