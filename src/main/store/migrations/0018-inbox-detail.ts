import type { Migration } from '../migration';

/** What the inbox check learnt about each incoming email, and the index the Inbox screen lists leads by. */
export const migration0018: Migration = {
  version: 18,
  name: 'inbox-detail',
  sql: `
-- {folder, uid, reason, bounce: {status, recipient, originalMessageId, diagnostic} | null, references: [...]}
ALTER TABLE outreach ADD COLUMN inbox_detail TEXT CHECK (json_valid(inbox_detail) AND json_type(inbox_detail) = 'object');

-- incoming rows are few beside outgoing ones; grouping them by lead reads only this index
CREATE INDEX outreach_incoming_by_lead ON outreach (lead_id, id, incoming_kind, profile_id) WHERE direction = 'incoming';
`,
};
