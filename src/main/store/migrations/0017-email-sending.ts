import type { Migration } from '../migration';

/**
 * What sending email keeps on an outgoing row: the HTML body, the thread's earlier Message-IDs and the SMTP
 * server's answer; and whether each mailbox type copies sends to its Sent folder itself (Gmail and
 * Microsoft 365 do; a generic server may not, so Outpost appends a copy over IMAP).
 */
export const migration0017: Migration = {
  version: 17,
  name: 'email-sending',
  sql: `
ALTER TABLE outreach ADD COLUMN body_html TEXT;
-- JSON array of Message-IDs, oldest first: the References header of a follow-up
ALTER TABLE outreach ADD COLUMN thread_references TEXT CHECK (json_valid(thread_references) AND json_type(thread_references) = 'array');
-- the last SMTP answer to a send: {code, response, command}
ALTER TABLE outreach ADD COLUMN smtp_response TEXT CHECK (json_valid(smtp_response) AND json_type(smtp_response) = 'object');

UPDATE profile_types SET defaults = json_set(defaults, '$.settings.copyToSent', json(CASE code WHEN 'smtp_imap' THEN 'true' ELSE 'false' END))
WHERE code IN ('gmail', 'microsoft365', 'smtp_imap');
`,
};
