import type { Migration } from '../migration';

/** Browser profiles sign in through their own browser, so LinkedIn and Facebook types ask for no site password (only an optional proxy password). */
export const migration0020: Migration = {
  version: 20,
  name: 'browser-channels',
  sql: `
UPDATE profile_types
SET defaults = json_set(defaults, '$.credentials', json('[]'), '$.optionalCredentials', json('["proxyPassword"]')),
  updated_at = unixepoch() * 1000
WHERE code IN ('linkedin', 'facebook');
`,
};
