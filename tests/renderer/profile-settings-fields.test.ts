import { describe, expect, it } from 'vitest';
import { draftOf, ownSettings, settingLeaves } from '../../src/renderer/screens/profiles/settings-fields';

const defaults = {
  smtp: { host: null, port: 587, security: 'starttls' },
  folders: { inbox: 'INBOX', spam: ['Spam', 'Junk'] },
  auth: 'password',
  crashOnOpen: false,
};

describe('profile settings in the form', () => {
  it('flattens the type defaults into labelled leaves, hiding informational ones', () => {
    expect(settingLeaves(defaults).map((l) => [l.path, l.kind, l.label])).toEqual([
      ['smtp.host', 'text', 'SMTP server (sending)'],
      ['smtp.port', 'number', 'SMTP port'],
      ['smtp.security', 'security', 'SMTP security'],
      ['folders.inbox', 'text', 'Inbox folder'],
      ['folders.spam', 'list', 'Spam folders (comma-separated)'],
      ['crashOnOpen', 'boolean', 'Crash on open'],
    ]);
  });

  it('starts from the profile own values over the defaults and keeps only what differs from them', () => {
    const leaves = settingLeaves(defaults);
    const draft = draftOf(leaves, { smtp: { host: 'smtp.example.com' }, note: 'kept' });
    expect(draft).toMatchObject({ 'smtp.host': 'smtp.example.com', 'smtp.port': '587', 'folders.spam': 'Spam, Junk', crashOnOpen: false });
    const own = ownSettings(leaves, { ...draft, 'smtp.port': '2525', 'folders.spam': 'Spam,  Junk ' }, { smtp: { host: 'old' }, note: 'kept' });
    expect(own).toEqual({ smtp: { host: 'smtp.example.com', port: 2525 }, note: 'kept' });
    // A port that is not a number goes as typed, for the core to name.
    expect(ownSettings(leaves, { ...draft, 'smtp.port': 'abc' }, {})).toMatchObject({ smtp: { port: 'abc' } });
  });
});
