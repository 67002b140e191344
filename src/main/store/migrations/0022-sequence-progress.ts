import type { Migration } from '../migration';

/**
 * Sequence progress and compliance: how many steps an enrollment has gone through (so the sequence loop serves
 * follow-ups before first steps, each from its own partial index), why a suppression was removed, and a lead's
 * lawful-basis note for EU contacts.
 */
export const migration0022: Migration = {
  version: 22,
  name: 'sequence-progress',
  sql: `
ALTER TABLE enrollments ADD COLUMN steps_done INTEGER NOT NULL DEFAULT 0 CHECK (steps_done >= 0);
CREATE INDEX enrollments_follow_up_due ON enrollments (next_step_due_at) WHERE status = 'active' AND steps_done > 0;
CREATE INDEX enrollments_first_due ON enrollments (next_step_due_at) WHERE status = 'active' AND steps_done = 0;
CREATE INDEX enrollments_sequence ON enrollments (sequence_id, status, id);
CREATE INDEX outreach_variant ON outreach (sequence_variant_id) WHERE sequence_variant_id IS NOT NULL;
-- variant results count the replies, acceptances and bounces that answer a sent row
CREATE INDEX outreach_parent ON outreach (parent_outreach_id) WHERE parent_outreach_id IS NOT NULL;

-- why the operator took an entry off the suppression list (the entry stays, soft-deleted)
ALTER TABLE suppressions ADD COLUMN removed_note TEXT;

-- why contacting this lead is lawful (e.g. "legitimate interest: ..."), kept for EU contacts
ALTER TABLE leads ADD COLUMN lawful_basis TEXT CHECK (lawful_basis IS NULL OR length(lawful_basis) <= 1000);
`,
};
