import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/shared/contract/schemas/settings';
import { changedSettings, toggleDay } from '../../src/renderer/screens/settings/settings-draft';

describe('settings draft', () => {
  it('sends only the fields that changed', () => {
    expect(changedSettings(defaultSettings, { ...defaultSettings })).toEqual({});
    const draft = { ...defaultSettings, operatorName: 'Ada', sendingHours: { start: '08:00', end: '17:00' } };
    expect(changedSettings(defaultSettings, draft)).toEqual({ operatorName: 'Ada', sendingHours: { start: '08:00', end: '17:00' } });
  });

  it('keeps sending days in calendar order whatever order they are ticked in', () => {
    expect(toggleDay(['fri'], 'mon', true)).toEqual(['mon', 'fri']);
    expect(toggleDay(['mon', 'tue', 'wed'], 'tue', false)).toEqual(['mon', 'wed']);
    expect(toggleDay(['sun'], 'sat', true)).toEqual(['sat', 'sun']);
  });
});
