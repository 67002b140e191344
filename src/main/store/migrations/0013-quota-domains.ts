import type { Migration } from '../migration';

/** Records the recipient domain of each quota use, for the per-domain daily cap of email. */
export const migration0013: Migration = {
  version: 13,
  name: 'quota-domains',
  sql: `
ALTER TABLE quota_uses ADD COLUMN recipient_domain TEXT CHECK (recipient_domain IS NULL OR recipient_domain = lower(recipient_domain));

CREATE INDEX quota_uses_domain ON quota_uses (profile_id, recipient_domain, used_at) WHERE recipient_domain IS NOT NULL;
`,
};
