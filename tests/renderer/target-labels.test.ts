import { describe, expect, it } from 'vitest';
import { companyTargets, leadTargets } from '../../src/shared/import/import-targets';
import { customTargetGroups, delimiterName, targetGroups, unlistedTarget } from '../../src/renderer/screens/imports/target-labels';

describe('delimiterName', () => {
  it('names the delimiters the importer detects', () => {
    expect([',', ';', '\t', '|'].map(delimiterName)).toEqual(['comma', 'semicolon', 'tab', 'pipe']);
  });

  it('quotes any other delimiter', () => {
    expect(delimiterName('^')).toBe('“^”');
  });
});

describe('targetGroups', () => {
  it('offers every lead and company target, each with a label', () => {
    expect(targetGroups.flatMap((g) => g.targets.map((t) => t.value))).toEqual([...leadTargets, ...companyTargets]);
    expect(targetGroups.flatMap((g) => g.targets).every((t) => t.label.length > 0)).toBe(true);
  });
});

describe('custom field targets', () => {
  const fields = [
    { kind: 'lead' as const, name: 'Seniority', target: 'custom:3' },
    { kind: 'company' as const, name: 'Tier', target: 'company.custom:4' },
    { kind: 'lead' as const, name: 'Score', target: 'custom:5' },
  ];

  it('groups the custom fields of leads and of companies, leaving out empty groups', () => {
    expect(customTargetGroups(fields)).toEqual([
      { label: 'Lead custom fields', targets: [{ value: 'custom:3', label: 'Seniority' }, { value: 'custom:5', label: 'Score' }] },
      { label: 'Company custom fields', targets: [{ value: 'company.custom:4', label: 'Tier' }] },
    ]);
    expect(customTargetGroups(fields.slice(0, 1)).map((g) => g.label)).toEqual(['Lead custom fields']);
  });

  it('offers a target no group lists, and nothing extra for listed ones', () => {
    const groups = [...targetGroups, ...customTargetGroups(fields)];
    expect(unlistedTarget('custom:9', groups)).toEqual({ value: 'custom:9', label: 'Custom field 9' });
    expect(unlistedTarget('custom:3', groups)).toBeUndefined();
    expect(unlistedTarget('email', groups)).toBeUndefined();
    expect(unlistedTarget('ignore', groups)).toBeUndefined();
  });
});
