import type { Database, Statement } from 'better-sqlite3';

/** Who an enrichment is about: its lead's name and email and the company's name and domain (nulls when unknown). */
export interface EnrichmentSubject {
  readonly leadId: number | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly companyName: string | null;
  readonly domain: string | null;
}

/** A lookup of an enrichment's subject by enrichment id (the lead's company, or the company the item targets). */
export function enrichmentSubjects(sqlite: Database): (enrichmentId: number) => EnrichmentSubject | undefined {
  const statement: Statement<[number], EnrichmentSubject> = sqlite.prepare(
    `SELECT l.id AS leadId, l.first_name AS firstName, l.last_name AS lastName, l.email,
            c.name AS companyName, c.domain
     FROM enrichments AS e
     LEFT JOIN leads AS l ON l.id = e.lead_id
     LEFT JOIN companies AS c ON c.id = COALESCE(e.company_id, l.company_id)
     WHERE e.id = ?`,
  );
  return (enrichmentId) => statement.get(enrichmentId);
}
