import type { MergeValues } from './merge-data';
import { seededRandom } from './seeded-random';
import { parseTemplate, type TemplateNode } from './template-parse';

/** A rendered text and the fields that had no value and no fallback (rendered as empty). */
export interface Rendered {
  readonly text: string;
  readonly empty: readonly string[];
}

const present = (value: MergeValues[string]): value is string | number | boolean => value !== null && value !== undefined && String(value).trim() !== '';

/**
 * Renders a template: spintax options chosen by a generator seeded with `seed` (same seed, same text), merge
 * fields from `values` else their fallback else empty. Field names match case-insensitively.
 */
export function renderTemplate(source: string, values: MergeValues, seed: string): Rendered {
  const random = seededRandom(seed);
  const lookup = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  const empty = new Set<string>();
  const walk = (nodes: readonly TemplateNode[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
            return node.text;
          case 'spin':
            return walk(node.options[Math.floor(random() * node.options.length)] ?? []);
          case 'field': {
            const value = lookup.get(node.name.toLowerCase());
            if (present(value)) return String(value);
            if (node.fallback !== null) return node.fallback;
            empty.add(node.name);
            return '';
          }
        }
      })
      .join('');
  return { text: walk(parseTemplate(source)), empty: [...empty] };
}
