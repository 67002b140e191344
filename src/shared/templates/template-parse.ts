/** A merge field as written: `{{name}}` or `{{name|fallback}}`. */
export interface MergeFieldNode {
  readonly type: 'field';
  readonly name: string;
  readonly fallback: string | null;
}

/** Spintax `{a|b|c}` (two options or more): one option is chosen per render; options nest. */
export interface SpinNode {
  readonly type: 'spin';
  readonly options: readonly TemplateNode[][];
}

/** One piece of a parsed template. */
export type TemplateNode = { readonly type: 'text'; readonly text: string } | MergeFieldNode | SpinNode;

const FIELD = /^\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}/;

/**
 * Parses merge fields and (nested) spintax. Text that does not form a complete construct (a lone brace,
 * an unclosed group, a group without `|`) stays literal, so CSS or stray braces in a body survive unchanged.
 */
export function parseTemplate(source: string): TemplateNode[] {
  let pos = 0;

  const field = (): MergeFieldNode | null => {
    const match = FIELD.exec(source.slice(pos));
    if (!match) return null;
    pos += match[0].length;
    return { type: 'field', name: match[1] ?? '', fallback: match[2] ?? null };
  };

  // Reads a sequence up to '|' or '}' when inside a group, else to the end.
  const sequence = (nested: boolean): TemplateNode[] => {
    const nodes: TemplateNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos] as string;
      if (nested && (ch === '|' || ch === '}')) break;
      if (ch === '{') {
        const start = pos;
        const node = source.startsWith('{{', pos) ? field() : group();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
        pos = start + 1;
        text += ch;
        continue;
      }
      text += ch;
      pos++;
    }
    flush();
    return nodes;
  };

  const group = (): SpinNode | null => {
    const start = pos;
    pos++;
    const options: TemplateNode[][] = [sequence(true)];
    while (source[pos] === '|') {
      pos++;
      options.push(sequence(true));
    }
    // A group without a choice (`{ color: red }`) is not spintax.
    if (source[pos] !== '}' || options.length < 2) {
      pos = start;
      return null;
    }
    pos++;
    return { type: 'spin', options };
  };

  return sequence(false);
}
