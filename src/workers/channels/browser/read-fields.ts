import type { Page } from 'playwright-core';
import type { FieldSpec } from '../../../shared/browser/site-pack';

/** Raw text read per field before patterns apply; longer values are cut. */
const RAW_CAP = 50_000;

/** Field readers by name (flat: 'lead.fullName'). */
export type FieldMap = Record<string, FieldSpec>;
/** One element's values by field name. */
export type Row = Record<string, string | null>;

/**
 * Reads the fields of every element matching `item` (at most `max`), in page order: each field from a descendant
 * (or the element), an attribute (or the whitespace-collapsed text); then applies the fields' patterns.
 */
export async function readRows(page: Page, item: string, fields: FieldMap, max: number): Promise<Row[]> {
  const specs = Object.entries(fields).map(([name, f]) => ({ name, selector: f.selector ?? null, attr: f.attr ?? null }));
  const raw = await page.evaluate(
    ({ item, specs, max, cap }) => {
      const read = (el: Element, selector: string | null, attr: string | null): string | null => {
        let target: Element | null = el;
        try {
          target = selector ? el.querySelector(selector) : el;
        } catch {
          return null;
        }
        if (!target) return null;
        const value = attr ? target.getAttribute(attr) : target.textContent;
        return value === null ? null : value.slice(0, cap).replace(/\s+/g, ' ').trim();
      };
      let nodes: Element[];
      try {
        nodes = Array.from(document.querySelectorAll(item)).slice(0, max);
      } catch {
        nodes = [];
      }
      return nodes.map((el) => specs.map((s) => read(el, s.selector, s.attr)));
    },
    { item, specs, max, cap: RAW_CAP },
  );
  return raw.map((values) => Object.fromEntries(specs.map((s, i) => [s.name, applyPattern(values[i] ?? null, fields[s.name])])));
}

/** How many elements match `selector` now (0 when it does not parse). */
export function countOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => {
    try {
      return document.querySelectorAll(s).length;
    } catch {
      return 0;
    }
  }, selector);
}

function applyPattern(value: string | null, spec: FieldSpec | undefined): string | null {
  if (value === null || value === '' || !spec?.pattern) return value || null;
  const match = new RegExp(spec.pattern).exec(value);
  if (!match) return null;
  return (match[1] ?? match[0]).trim() || null;
}
