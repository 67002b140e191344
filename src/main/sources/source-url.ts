import type { FieldIssue } from '../../shared/contract/format-issues';

/** A web URL in the form source patterns are matched against: trimmed, scheme and host lower-case, no fragment; null when not an http(s) URL. */
export function normaliseSourceUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.toString();
}

/** The URL lines of a source, normalised, with problems named by field and line ("urls.2: line 3: ..."). */
export function checkSourceUrls(lines: readonly string[], pattern: string, typeName: string): { urls: { url: string; norm: string }[]; issues: FieldIssue[] } {
  const regex = new RegExp(pattern);
  const seen = new Map<string, number>();
  const urls: { url: string; norm: string }[] = [];
  const issues: FieldIssue[] = [];
  lines.forEach((line, index) => {
    const raw = line.trim();
    const where = `line ${index + 1}`;
    const path = `urls.${index}`;
    const norm = normaliseSourceUrl(raw);
    if (!norm) {
      issues.push({ path, message: `${where}: "${raw.slice(0, 200)}" is not an http(s) URL` });
      return;
    }
    if (!regex.test(norm)) {
      issues.push({ path, message: `${where}: ${raw.slice(0, 200)} is not a ${typeName} URL (expected one matching ${pattern})` });
      return;
    }
    const earlier = seen.get(norm);
    if (earlier !== undefined) {
      issues.push({ path, message: `${where}: ${raw.slice(0, 200)} repeats line ${earlier + 1}` });
      return;
    }
    seen.set(norm, index);
    urls.push({ url: raw, norm });
  });
  return { urls, issues };
}
