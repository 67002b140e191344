import type { Migration } from '../migration';

const LEAD_TEXT = 'first_name, last_name, email, job_title, company_name';

/** Full-text search over leads and companies, kept in sync by triggers, and the indexes the list sorts walk. */
export const migration0010: Migration = {
  version: 10,
  name: 'search',
  sql: `
-- Contentless: the text lives in leads/companies already; the index only maps words to rowids.
-- Soft-deleted rows stay indexed (undo may restore them); the lists filter on deleted_at.
CREATE VIRTUAL TABLE leads_fts USING fts5(
  ${LEAD_TEXT},
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE VIRTUAL TABLE companies_fts USING fts5(
  name, domain, industry,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

INSERT INTO leads_fts (rowid, ${LEAD_TEXT})
SELECT l.id, l.first_name, l.last_name, l.email, l.job_title, c.name FROM leads l LEFT JOIN companies c ON c.id = l.company_id;

INSERT INTO companies_fts (rowid, name, domain, industry) SELECT id, name, domain, industry FROM companies;

-- Triggers only queue what changed; SearchIndex.flush folds the queue into the indexes in one statement per index.
-- (An FTS5 table written from a row trigger flushes its pending terms at every statement savepoint, which made
-- every lead insert about 60 µs slower; one INSERT ... SELECT per batch costs a few µs a row.)
-- op 'insert' = never indexed, nothing to delete first; 'change' = re-index.
CREATE TABLE search_queue (
  kind TEXT NOT NULL CHECK (kind IN ('lead', 'company')),
  id INTEGER NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'change')),
  PRIMARY KEY (kind, id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER leads_search_insert AFTER INSERT ON leads BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('lead', NEW.id, 'insert') ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER leads_search_update AFTER UPDATE OF first_name, last_name, email, job_title, company_id ON leads
WHEN OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name OR OLD.email IS NOT NEW.email
  OR OLD.job_title IS NOT NEW.job_title OR OLD.company_id IS NOT NEW.company_id
BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('lead', NEW.id, 'change') ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER leads_search_delete AFTER DELETE ON leads BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('lead', OLD.id, 'change') ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER companies_search_insert AFTER INSERT ON companies BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('company', NEW.id, 'insert') ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER companies_search_update AFTER UPDATE OF name, domain, industry ON companies
WHEN OLD.name IS NOT NEW.name OR OLD.domain IS NOT NEW.domain OR OLD.industry IS NOT NEW.industry
BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('company', NEW.id, 'change') ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER companies_search_delete AFTER DELETE ON companies BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('company', OLD.id, 'change') ON CONFLICT DO NOTHING;
END;

-- A renamed company renames itself in its leads' index entries too.
CREATE TRIGGER companies_search_lead_names AFTER UPDATE OF name ON companies WHEN OLD.name IS NOT NEW.name BEGIN
  INSERT INTO search_queue (kind, id, op) SELECT 'lead', id, 'change' FROM leads WHERE company_id = NEW.id ON CONFLICT DO NOTHING;
END;

-- Sort orders the lists walk (NOCASE as the lists sort text); the implicit trailing rowid breaks ties.
CREATE INDEX leads_updated_live ON leads (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_last_name_live ON leads (last_name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX leads_first_name_live ON leads (first_name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX leads_email_sort_live ON leads (email COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX leads_job_title_live ON leads (job_title COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX leads_country_live ON leads (country COLLATE NOCASE) WHERE deleted_at IS NULL;

-- Matching a Sales Navigator member-id URL against the alternative form stored on an existing lead.
CREATE INDEX leads_linkedin_alt_live ON leads (linkedin_alt_url) WHERE linkedin_alt_url IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX leads_facebook_alt_live ON leads (facebook_alt_url) WHERE facebook_alt_url IS NOT NULL AND deleted_at IS NULL;

CREATE INDEX companies_created_live ON companies (created_at) WHERE deleted_at IS NULL;
CREATE INDEX companies_updated_live ON companies (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX companies_name_live ON companies (name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX companies_domain_sort_live ON companies (domain COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX companies_headcount_live ON companies (headcount) WHERE deleted_at IS NULL;
CREATE INDEX companies_revenue_live ON companies (revenue) WHERE deleted_at IS NULL;
CREATE INDEX companies_industry_live ON companies (industry COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX companies_country_live ON companies (country COLLATE NOCASE) WHERE deleted_at IS NULL;
`,
};
