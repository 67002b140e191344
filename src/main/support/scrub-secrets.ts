// Keys whose values are secrets wherever they appear in a JSON object written to a support bundle.
const SECRET_KEY = /pass(word)?|secret|token|credential|api.?key|^key$|authorization|cookie|proxyPassword/i;
// Outpost's own tokens (API keys `op_…`, sessions `ops_…`), bearer values and URL user-info, wherever they sit in text.
const SECRET_TEXT = [/\bops?_[A-Za-z0-9_-]{20,}/g, /Bearer\s+\S+/gi, /(\/\/[^/\s:@]+:)[^@\s/]+@/g, /([?&](?:code|token|key)=)[^&\s"]+/gi];

/** Text with Outpost tokens, bearer values, URL passwords and login codes replaced by `[redacted]`. */
export const scrubText = (text: string): string =>
  SECRET_TEXT.reduce((out, pattern) => out.replace(pattern, (match, keep: unknown) => (typeof keep === 'string' ? `${keep}[redacted]${match.endsWith('@') ? '@' : ''}` : '[redacted]')), text);

/** A deep copy of `value` with secret-named fields replaced and secret-looking text scrubbed. */
export function scrubValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map(scrubValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : scrubValue(v)]));
  }
  return value;
}
