import { describe, expect, it } from 'vitest';
import { companyTargets, leadTargets } from '../../src/shared/import/import-targets';
import { customFieldOf, delimiterName, targetGroups } from '../../src/renderer/screens/imports/target-labels';

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

describe('customFieldOf', () => {
  it('reads the custom field a target names', () => {
    expect(customFieldOf('custom:seniority')).toBe('seniority');
    expect(customFieldOf('email')).toBeUndefined();
  });
});
