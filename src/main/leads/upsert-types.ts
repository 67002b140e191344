import type { EmailVerification } from '../store/schema';

/** Who or what set a field: an import, rule instance, enrichment, person, scrape or API client. */
export interface UpsertSource {
  readonly kind: 'import' | 'rule' | 'enrichment' | 'person' | 'scrape' | 'api';
  readonly id: number | null;
  /** The import whose undo removes this change (defaults to `id` when `kind` is 'import'). */
  readonly importId?: number;
}

/** A company descriptor; every field is optional and a blank one is ignored. */
export interface CompanyInput {
  id?: number | null;
  name?: string | null;
  domain?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  linkedinUrl?: string | null;
  facebookUrl?: string | null;
  headcount?: number | null;
  revenue?: number | null;
  industry?: string | null;
  country?: string | null;
  location?: string | null;
  timezone?: string | null;
  /** Custom field values by field id, already parsed (`parseCustomValue`). */
  custom?: Readonly<Record<number, string | number>> | null;
}

/** A lead descriptor; every field is optional and a blank one is ignored. */
export interface LeadInput {
  id?: number | null;
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  fullName?: string | null;
  jobTitle?: string | null;
  email?: string | null;
  phone?: string | null;
  linkedinUrl?: string | null;
  facebookUrl?: string | null;
  /** A second LinkedIn URL of the same person; the member-id form is kept as the alternative of the public one, whichever field each arrives in. */
  linkedinAltUrl?: string | null;
  /** A second Facebook URL; the `profile.php?id=` form is kept as the alternative of the vanity one. */
  facebookAltUrl?: string | null;
  country?: string | null;
  location?: string | null;
  timezone?: string | null;
  pictureUrl?: string | null;
  /** The email verification result (set by verification enrichments). */
  emailVerification?: EmailVerification | null;
  custom?: Readonly<Record<number, string | number>> | null;
  company?: CompanyInput | null;
}

/** The row an upsert landed on and what it did to it. */
export interface UpsertResult {
  id: number;
  outcome: 'inserted' | 'updated' | 'unchanged';
}

/** A column value as stored. */
export type ColumnValue = string | number;
