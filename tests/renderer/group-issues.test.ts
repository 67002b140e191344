import { describe, expect, it } from 'vitest';
import { groupIssues } from '../../src/renderer/lib/group-issues';

describe('groupIssues', () => {
  const fields = ['operatorName', 'sendingHours'] as const;

  it('puts each issue under the field its path starts with, keeping the tail of nested paths', () => {
    const grouped = groupIssues(
      [
        { path: 'operatorName', message: 'too short' },
        { path: 'sendingHours.start', message: 'expected HH:MM' },
        { path: 'sendingHours', message: 'start must be before end' },
      ],
      fields,
    );
    expect(grouped.byField).toEqual({ operatorName: ['too short'], sendingHours: ['start: expected HH:MM', 'start must be before end'] });
    expect(grouped.unplaced).toEqual([]);
  });

  it('keeps issues that name no field of the form apart', () => {
    const stray = { path: 'colour', message: 'unknown field' };
    const grouped = groupIssues([stray, { path: '(input)', message: 'expected an object' }], fields);
    expect(grouped.byField).toEqual({});
    expect(grouped.unplaced).toEqual([stray, { path: '(input)', message: 'expected an object' }]);
  });
});
