/** The download path of a snapshot file (screenshot or HTML) kept in `<data>/snapshots`. */
export const snapshotHref = (name: string): string => `/api/v1/snapshots/${encodeURIComponent(name)}`;

/** An item's `error_snapshot` JSON as links to the snapshot route; null when it kept none. */
export function snapshotLinks(json: string | null): { screenshot: string | null; html: string | null } | null {
  if (json === null) return null;
  const parsed = JSON.parse(json) as { screenshot?: unknown; html?: unknown };
  const link = (v: unknown) => (typeof v === 'string' && v !== '' ? snapshotHref(v) : null);
  const links = { screenshot: link(parsed.screenshot), html: link(parsed.html) };
  return links.screenshot === null && links.html === null ? null : links;
}
