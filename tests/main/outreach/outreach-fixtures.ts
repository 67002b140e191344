import type { Database } from 'better-sqlite3';
import { LeadMergeValues } from '../../../src/main/outreach/lead-merge-values';
import { OutreachRecords } from '../../../src/main/outreach/outreach-records';
import { renderForLead, type MessageTemplate } from '../../../src/main/outreach/render-for-lead';

/** Adds a live lead (with a company) and returns its id. */
export function addLead(sqlite: Database, email: string | null, firstName: string | null = 'Ada', companyName = 'Analytical Ltd'): number {
  const company = Number(sqlite.prepare('INSERT INTO companies (name, created_at, updated_at) VALUES (?, 0, 0)').run(companyName).lastInsertRowid);
  return Number(
    sqlite
      .prepare('INSERT INTO leads (first_name, email, email_norm, company_id, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)')
      .run(firstName, email, email?.toLowerCase() ?? null, company).lastInsertRowid,
  );
}

/** Adds a generic SMTP/IMAP mailbox profile with the given settings (over the type's defaults), inactive. */
export function addMailbox(sqlite: Database, settings: Record<string, unknown>, identity: string | null = null): number {
  const type = sqlite.prepare("SELECT id FROM profile_types WHERE code = 'smtp_imap'").get() as { id: number };
  return Number(
    sqlite
      .prepare('INSERT INTO profiles (profile_type_id, name, identity, settings, active, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0, 0)')
      .run(type.id, 'mailbox', identity, JSON.stringify(settings)).lastInsertRowid,
  );
}

/** Composes an email for a lead the way `outreach.compose` does (rendered now), approved, assigned to the profile. */
export function composeApproved(sqlite: Database, now: () => number, leadId: number, profileId: number, template: MessageTemplate): number {
  const data = new LeadMergeValues(sqlite).of(leadId);
  if (!data) throw new Error(`no lead ${leadId}`);
  const rendered = renderForLead(leadId, data, template);
  const records = new OutreachRecords(sqlite, now);
  const item = records.compose({ leadId, profileId, address: String(data.values.email), subject: rendered.subject, body: rendered.body, html: rendered.html });
  records.approve(item.id);
  return item.id;
}
