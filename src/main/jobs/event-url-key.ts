import { normaliseFacebookUrl, normaliseLinkedinUrl } from '../../shared/normalise';

// Parameters that only say how someone arrived at a page: two sightings of one post differ in them.
const TRACKING = /^(utm_.*|trk|trkinfo|refid|trackingid|lipi|mibextid|__cft__.*|__tn__|fbclid|gclid|ref|rcm)$/i;

/**
 * The key an event is stored under once: a LinkedIn or Facebook profile or company URL in its normalised form,
 * else the URL without scheme, `www.`/`m.`, fragment, tracking parameters and trailing slash, query sorted.
 */
export function eventUrlKey(input: string): string {
  const linkedin = normaliseLinkedinUrl(input);
  if (linkedin) return linkedin;
  // Only a Facebook profile or page (one segment): posts and permalinks keep their query below.
  const facebook = normaliseFacebookUrl(input);
  if (facebook && /^facebook\.com\/(profile\.php\?id=\d+|[^/.?]+)$/.test(facebook)) return facebook;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input.trim().toLowerCase();
  }
  const host = url.hostname.toLowerCase().replace(/^(www|m|web)\./, '');
  const params = [...url.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${url.port ? `:${url.port}` : ''}${url.pathname.replace(/\/+$/, '')}${query}`;
}
