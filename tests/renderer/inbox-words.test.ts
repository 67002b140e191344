import { describe, expect, it } from 'vitest';
import { describeBounce, kindFilters } from '../../src/renderer/screens/inbox/inbox-words';

describe('inbox words', () => {
  it('describes a bounce by what its report said', () => {
    expect(describeBounce({ status: '5.1.1', recipient: 'bob@example.org', diagnostic: '550 user unknown' })).toBe('5.1.1 for bob@example.org: 550 user unknown');
    expect(describeBounce({ status: null, recipient: null, diagnostic: 'mailbox full' })).toBe('mailbox full');
    expect(describeBounce({ status: null, recipient: null, diagnostic: null })).toBeNull();
    expect(describeBounce(null)).toBeNull();
  });

  it('offers all kinds, then each classification', () => {
    expect(kindFilters.map((k) => k.value)).toEqual(['all', 'reply', 'auto_reply', 'hard_bounce', 'soft_bounce', 'unsubscribe']);
  });
});
