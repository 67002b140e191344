import type { Migration } from '../migration';

/**
 * Settings the profile form should offer: the local verifier's optional SMTP RCPT probe, off (outgoing port 25 is
 * blocked on most laptops and home or office networks), and each mailbox's public one-click unsubscribe address
 * (`<public origin>/u`, unset until the operator has a tunnel or proxy to Outpost).
 */
export const migration0019: Migration = {
  version: 19,
  name: 'email-settings',
  sql: `
UPDATE profile_types SET defaults = json_set(defaults, '$.settings.publicUnsubscribeUrl', json('null'))
WHERE code IN ('gmail', 'microsoft365', 'smtp_imap');

UPDATE profile_types
SET defaults = json_set(defaults, '$.settings.smtpProbe', json('{"enabled": false, "port": 25, "heloName": "localhost", "timeoutSeconds": 10}'))
WHERE code = 'local_verifier';
`,
};
