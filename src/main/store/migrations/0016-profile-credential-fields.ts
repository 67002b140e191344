import type { Migration } from '../migration';

/** Which credential fields a profile's sealed credentials hold, in plain text (names only), so views can say "set" without opening the secret. */
export const migration0016: Migration = {
  version: 16,
  name: 'profile-credential-fields',
  sql: `
ALTER TABLE profiles ADD COLUMN credential_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(credential_fields) AND json_type(credential_fields) = 'array');
`,
};
