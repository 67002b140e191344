import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, parseDeepLink } from '../../../src/main/desktop/deep-link';

describe('outpost:// deep links', () => {
  it('parses a lead link', () => {
    expect(parseDeepLink('outpost://lead/42')).toEqual({ kind: 'lead', leadId: 42 });
    expect(parseDeepLink('outpost://lead/42/')).toEqual({ kind: 'lead', leadId: 42 });
    expect(parseDeepLink('OUTPOST://LEAD/7')).toEqual({ kind: 'lead', leadId: 7 });
  });

  it('refuses anything else', () => {
    for (const url of [
      'outpost://lead/0',
      'outpost://lead/-1',
      'outpost://lead/01',
      'outpost://lead/1.5',
      'outpost://lead/abc',
      'outpost://lead/99999999999999999',
      'outpost://lead/',
      'outpost://lead/1/extra',
      'outpost://lead/1?x=1',
      'outpost://lead/1#x',
      'outpost://user:pw@lead/1',
      'outpost://company/1',
      'https://lead/1',
      'outpost:lead/1',
      'garbage',
      `outpost://lead/1${'/'.repeat(300)}`,
    ]) {
      expect(parseDeepLink(url), url).toBeNull();
    }
  });

  it('finds the link among a second instance argv (Windows and Linux)', () => {
    expect(deepLinkFromArgv(['/opt/Outpost/outpost', '--no-sandbox', 'outpost://lead/9'])).toEqual({ kind: 'lead', leadId: 9 });
    expect(deepLinkFromArgv(['C:\\Outpost\\Outpost.exe', '--', 'outpost://lead/bad', 'outpost://lead/3'])).toEqual({ kind: 'lead', leadId: 3 });
    expect(deepLinkFromArgv(['/opt/Outpost/outpost', '.'])).toBeNull();
  });
});
