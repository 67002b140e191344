import { scrapedEvent, type CompanyDescriptor, type LeadDescriptor, type ScrapedEvent } from '../../../shared/browser/browser-outputs';
import type { SourceSpec } from '../../../shared/browser/site-pack';
import type { FieldMap, Row } from './read-fields';

/** The longest value kept per descriptor field (the output schema's limits). */
const LIMITS: Record<string, number> = {
  fullName: 300, firstName: 200, lastName: 200, headline: 1_000, jobTitle: 500, location: 500, companyName: 300,
  name: 300, domain: 300, industry: 300, title: 1_000, text: 20_000,
};
const URL_FIELDS = new Set(['url', 'linkedinUrl', 'facebookUrl', 'pictureUrl']);

/** A source recipe's fields, flattened for `readRows`. */
export function sourceFields(spec: SourceSpec): FieldMap {
  const map: FieldMap = { url: spec.fields.url };
  if (spec.fields.title) map.title = spec.fields.title;
  if (spec.fields.text) map.text = spec.fields.text;
  if (spec.fields.publishedAt) map.publishedAt = spec.fields.publishedAt;
  for (const [k, f] of Object.entries(spec.fields.lead)) if (f) map[`lead.${k}`] = f;
  for (const [k, f] of Object.entries(spec.fields.company)) if (f) map[`company.${k}`] = f;
  return map;
}

const iso = (value: string | null): string | null => {
  if (!value) return null;
  const ms = /^\d{9,13}$/.test(value) ? Number(value) * (value.length <= 10 ? 1000 : 1) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

/**
 * Turns one row read from the page into a scraped event: links become real-site URLs (null when not http(s)),
 * texts are cut to the output's limits, empty descriptors become null. Null when the row has no usable URL.
 */
export function toScrapedEvent(row: Row, kind: ScrapedEvent['kind'], realUrl: (href: string) => string | null): ScrapedEvent | null {
  const value = (name: string, key: string): string | undefined => {
    const raw = row[name];
    if (!raw) return undefined;
    if (URL_FIELDS.has(key)) return realUrl(raw)?.slice(0, 2_000) ?? undefined;
    return raw.slice(0, LIMITS[key] ?? 300);
  };
  const url = value('url', 'url');
  if (!url) return null;
  const group = <T>(prefix: string): T | null => {
    const entries = Object.keys(row)
      .filter((name) => name.startsWith(prefix))
      .map((name) => [name.slice(prefix.length), value(name, name.slice(prefix.length))] as const)
      .filter((e): e is readonly [string, string] => e[1] !== undefined);
    return entries.length ? (Object.fromEntries(entries) as T) : null;
  };
  const event = {
    url,
    kind,
    title: value('title', 'title') ?? null,
    text: value('text', 'text') ?? null,
    publishedAt: iso(row.publishedAt ?? null),
    lead: group<LeadDescriptor>('lead.'),
    company: group<CompanyDescriptor>('company.'),
  };
  const parsed = scrapedEvent.safeParse(event);
  return parsed.success ? parsed.data : null;
}
