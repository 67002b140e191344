import { describe, expect, it } from 'vitest';
import { decideWindowOpen, isSafeExternalUrl } from '../../../src/main/desktop/external-links';

describe('external links', () => {
  it('lets only plain https links reach the OS browser', () => {
    expect(isSafeExternalUrl('https://www.linkedin.com/in/someone')).toBe(true);
    expect(isSafeExternalUrl('https://example.com/path?q=1#top')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'outpost://lead/1',
      'https://bank.example@evil.example/',
      'https://user:pass@example.com/',
      '//example.com',
      'not a url',
      `https://example.com/${'a'.repeat(2100)}`,
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('denies every new window, handing safe links to the OS browser', () => {
    expect(decideWindowOpen('https://example.com/')).toEqual({ action: 'open-external', url: 'https://example.com/' });
    expect(decideWindowOpen('app://outpost/index.html')).toEqual({ action: 'deny' });
    expect(decideWindowOpen('file:///C:/Windows/system32/calc.exe')).toEqual({ action: 'deny' });
  });
});
