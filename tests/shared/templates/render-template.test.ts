import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../src/shared/templates/render-template';

describe('renderTemplate', () => {
  it('fills merge fields, falls back when empty, and reports fields left empty', () => {
    const values = { first_name: 'Ada', 'company.name': 'Analytical Ltd', 'custom.Plan': 'pro', last_name: '  ' };
    const out = renderTemplate('Hi {{first_name|there}} at {{ company.name }}, plan {{custom.plan}}; {{last_name|}}{{job_title}}!', values, 's');
    expect(out.text).toBe('Hi Ada at Analytical Ltd, plan pro; !');
    expect(out.empty).toEqual(['job_title']);
    expect(renderTemplate('Hi {{first_name|there}}', {}, 's').text).toBe('Hi there');
  });

  it('resolves nested spintax, deterministically per seed, using every option across seeds', () => {
    const source = '{Hi|Hello|{Hey|Yo} {{first_name}}}!';
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const text = renderTemplate(source, { first_name: 'Ada' }, `seed-${i}`).text;
      expect(renderTemplate(source, { first_name: 'Ada' }, `seed-${i}`).text).toBe(text);
      seen.add(text);
    }
    expect([...seen].sort()).toEqual(['Hello!', 'Hey Ada!', 'Hi!', 'Yo Ada!']);
  });

  it('keeps braces that form no construct', () => {
    expect(renderTemplate('a { b } c {single} {unclosed|x and { and {{', {}, 's').text).toBe('a { b } c {single} {unclosed|x and { and {{');
    expect(renderTemplate('p { color: red }', {}, 's').text).toBe('p { color: red }');
  });

  it('puts values in verbatim, never re-reading them as template syntax', () => {
    expect(renderTemplate('{{company.name}}', { 'company.name': '{A|B} {{x}}' }, 's').text).toBe('{A|B} {{x}}');
  });
});
