import type { Database } from 'better-sqlite3';

/** Adds an inactive browser profile of a catalogue type (linkedin, facebook) with its own settings; returns its id. */
export function addBrowserProfile(sqlite: Database, typeCode: 'linkedin' | 'facebook' = 'linkedin', settings: Record<string, unknown> = {}): number {
  const type = sqlite.prepare('SELECT id FROM profile_types WHERE code = ?').get(typeCode) as { id: number };
  return Number(
    sqlite
      .prepare('INSERT INTO profiles (profile_type_id, name, settings, active, created_at, updated_at) VALUES (?, ?, ?, 0, 0, 0)')
      .run(type.id, `${typeCode} profile`, JSON.stringify(settings)).lastInsertRowid,
  );
}

/** Adds a live lead with a LinkedIn and/or Facebook profile URL (normalised like the UpsertEngine does); returns its id. */
export function addSocialLead(sqlite: Database, fields: { first?: string; linkedin?: string; facebook?: string; email?: string }): number {
  const norm = (url: string | undefined) => (url ? url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/+$/, '').toLowerCase() : null);
  return Number(
    sqlite
      .prepare(`INSERT INTO leads (first_name, email, email_norm, linkedin_url, linkedin_norm, facebook_url, facebook_norm, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`)
      .run(fields.first ?? 'Ada', fields.email ?? null, fields.email?.toLowerCase() ?? null, fields.linkedin ?? null, norm(fields.linkedin),
        fields.facebook ?? null, norm(fields.facebook)).lastInsertRowid,
  );
}

/** Adds an approved outgoing browser outreach (connect, message...) of a lead on a profile; returns its id. */
export function addBrowserOutreach(sqlite: Database, typeCode: string, leadId: number, profileId: number, body: string | null, leadAddress: string | null = null): number {
  const type = sqlite.prepare('SELECT id FROM outreach_types WHERE code = ?').get(typeCode) as { id: number };
  return Number(
    sqlite
      .prepare(`INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, lead_address, body, approval, idempotency_key, due_at, created_at, updated_at)
        VALUES (?, 'outgoing', ?, ?, ?, ?, 'approved', ?, 0, 0, 0)`)
      .run(type.id, leadId, profileId, leadAddress, body, `${typeCode}:${leadId}:${profileId}:${Math.random()}`).lastInsertRowid,
  );
}

/** A JSON answer as these tests read it: loosely, field by field (the contract already parsed it on the way out). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one loose type for API answers instead of a cast at every read
export type Answer = Record<string, any>;
