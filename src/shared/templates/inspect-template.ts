import { parseTemplate, type TemplateNode } from './template-parse';

/** The merge fields a template references, and those not among the known names (to flag before approval). */
export interface TemplateFields {
  readonly fields: readonly string[];
  readonly unknown: readonly string[];
}

/** Lists every merge field referenced anywhere in the template (in every spintax option), first use first. */
export function inspectTemplate(source: string, known: ReadonlySet<string>): TemplateFields {
  const names = new Set<string>();
  const walk = (nodes: readonly TemplateNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'field') names.add(node.name);
      else if (node.type === 'spin') node.options.forEach(walk);
    }
  };
  walk(parseTemplate(source));
  const knownLower = new Set([...known].map((k) => k.toLowerCase()));
  const fields = [...names];
  return { fields, unknown: fields.filter((n) => !knownLower.has(n.toLowerCase())) };
}
