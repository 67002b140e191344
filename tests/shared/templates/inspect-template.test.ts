import { describe, expect, it } from 'vitest';
import { inspectTemplate } from '../../../src/shared/templates/inspect-template';
import { knownMergeFields } from '../../../src/shared/templates/merge-data';

describe('inspectTemplate', () => {
  it('lists fields from every spintax option and flags the unknown ones', () => {
    const known = knownMergeFields(['Plan']);
    const out = inspectTemplate('{Hi {{first_name|there}}|Hello {{FIRST_NAME}}} {{company.name}} {{custom.plan}} {{custom.nope}} {{frist_name}}', known);
    expect(out.fields).toEqual(['first_name', 'FIRST_NAME', 'company.name', 'custom.plan', 'custom.nope', 'frist_name']);
    expect(out.unknown).toEqual(['custom.nope', 'frist_name']);
  });
});
