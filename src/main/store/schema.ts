import type { ColumnType, Generated } from 'kysely';

/** Unix time in milliseconds. */
export type Millis = number;
/** A JSON document stored as TEXT (the database checks it is valid JSON); callers stringify and parse it. */
export type JsonText = string;
/** A SQLite boolean: 0 or 1. */
export type Flag = 0 | 1;
/** A column set on insert and never updated. */
export type Immutable<T> = ColumnType<T, T, never>;

/** Status of a work item: pending -> running -> performed | failed | aborted (skipped by policy) | canceled. */
export type WorkStatus = 'pending' | 'running' | 'performed' | 'failed' | 'aborted' | 'canceled';
/** Outreach and enrichments add 'unknown': the effect may have happened and must not be repeated blindly. */
export type OutreachStatus = WorkStatus | 'unknown';
/** Why a work item failed: retry later, never retry, or refused by policy. */
export type ErrorKind = 'transient' | 'permanent' | 'policy';
/** Who set a field or tag; the id beside it names the import, rule instance, enrichment, job or API key. */
export type ActorKind = 'import' | 'rule' | 'enrichment' | 'person' | 'scrape' | 'api';
/** A lead or a company. */
export type RecordKind = 'lead' | 'company';
/** Records a tag can be put on. */
export type TagTargetKind = RecordKind | 'profile' | 'source' | 'outreach' | 'enrichment';
/** Result of an email verification. */
export type EmailVerification = 'valid' | 'invalid' | 'risky' | 'catch_all' | 'disposable' | 'unknown';
/** Type of a custom field's values. */
export type CustomFieldType = 'string' | 'integer' | 'float' | 'boolean' | 'date' | 'text';
/** Life of an import: staged by the ingest loop, merged by the import loop. */
export type ImportStatus = 'pending' | 'ingesting' | 'importing' | 'done' | 'failed' | 'canceled' | 'undone';
/** What the import loop did with one staged row. */
export type ImportRowOutcome = 'pending' | 'inserted' | 'merged' | 'duplicate' | 'rejected';
/** Life of a CSV export. */
export type ExportStatus = 'pending' | 'running' | 'done' | 'failed' | 'canceled';
/** Life of a bulk operation over the leads matching a filter. */
export type BulkStatus = 'pending' | 'running' | 'performed' | 'failed' | 'canceled';
/** What a bulk operation does to each matching lead. */
export type BulkKind = 'add_tag' | 'remove_tag' | 'delete' | 'export';
/** Rows the merge journal can restore. */
export type JournalTargetKind = RecordKind | 'tag_link';
/** What a merge journal entry did. */
export type JournalAction = 'insert' | 'update' | 'merge';
/** How a profile type reaches its channel. */
export type ProfileAccess = 'mta' | 'api' | 'rpa' | 'basic';
/** What a profile's worker is doing. */
export type ProfileState = 'idle' | 'starting' | 'online' | 'working' | 'stopping' | 'paused' | 'failed';
/** Why a profile paused itself or was paused. */
export type PauseReason = 'operator' | 'captcha' | 'login_wall' | 'warning_page' | 'auth_failed' | 'failure_cap';
/** Kind of scraped item. */
export type EventKind = 'post' | 'listing' | 'search_row' | 'page';
/** Life of a sequence. */
export type SequenceStatus = 'draft' | 'active' | 'paused' | 'archived';
/** What fires a rule. */
export type RuleTriggerKind =
  | 'event_created'
  | 'lead_created'
  | 'company_created'
  | 'tag_added'
  | 'rule_performed'
  | 'reply'
  | 'acceptance'
  | 'bounce'
  | 'click'
  | 'unsubscribe';
/** The one action a rule takes. */
export type RuleActionKind = 'outreach' | 'enrichment' | 'add_tag' | 'remove_tag' | 'enroll';
/** What a rule instance is about. */
export type RuleTargetKind = RecordKind | 'event';
/** Life of an enrollment. */
export type EnrollmentStatus = 'active' | 'paused' | 'completed' | 'stopped';
/** Why an enrollment stopped. */
export type StopReason = 'replied' | 'bounced' | 'unsubscribed' | 'suppressed' | 'not_accepted' | 'company_replied' | 'operator';
/** Approval of an outgoing outreach or an enrichment; 'auto' when a rule or step approved it. */
export type Approval = 'pending' | 'approved' | 'auto' | 'rejected';
/** Outreach direction: sent, received, or a connection/friend acceptance. */
export type OutreachDirection = 'outgoing' | 'incoming' | 'accepted';
/** Classification of an incoming outreach row. */
export type IncomingKind = 'reply' | 'auto_reply' | 'hard_bounce' | 'soft_bounce' | 'unsubscribe';
/** Which lead address an outreach type writes to. */
export type AddressField = 'email' | 'linkedin' | 'facebook';
/** State of an effect in the ledger. */
export type EffectOutcome = 'started' | 'succeeded' | 'failed' | 'unknown';
/** Work tables that produce effects. */
export type EffectWorkKind = 'outreach' | 'enrichment';
/** What a suppression entry blocks. */
export type SuppressionKind = 'email' | 'domain' | 'linkedin' | 'facebook';
/** Why an address is suppressed. */
export type SuppressionReason = 'unsubscribe' | 'hard_bounce' | 'remove_request' | 'complaint' | 'operator';
/** What a tracking link records. */
export type TrackingKind = 'open' | 'click' | 'unsubscribe';
/** Timeline dimension; 'all' uses dimension_id 0. */
export type TimelineDimension = 'all' | 'source' | 'rule' | 'sequence' | 'profile';
/** Work tables a quota use can point at. */
export type QuotaWorkKind = 'job' | 'enrichment' | 'outreach' | 'inbox_check' | 'connection_check';

/** Columns every work item table has (jobs, enrichments, outreach, inbox/connection checks, rule instances). */
export interface WorkItemColumns<S extends string = WorkStatus> {
  status: Generated<S>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  error_kind: ErrorKind | null;
  error_text: string | null;
  /** When it may run next: first scheduled time, then the retry time after a transient failure. */
  due_at: Millis;
  lease_owner: string | null;
  lease_expires_at: Millis | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  started_at: Millis | null;
  finished_at: Millis | null;
}

/** A company; domain and *_norm columns are normalised and unique among live rows. */
export interface CompaniesTable {
  id: Generated<number>;
  name: string | null;
  domain: string | null;
  email: string | null;
  phone: string | null;
  linkedin_url: string | null;
  linkedin_norm: string | null;
  facebook_url: string | null;
  facebook_norm: string | null;
  headcount: number | null;
  revenue: number | null;
  industry: string | null;
  country: string | null;
  location: string | null;
  timezone: string | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
}

/** A lead (a person); email_norm, linkedin_norm and facebook_norm are the dedup keys among live rows. */
export interface LeadsTable {
  id: Generated<number>;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  job_title: string | null;
  email: string | null;
  email_norm: string | null;
  email_verification: EmailVerification | null;
  email_verified_at: Millis | null;
  phone: string | null;
  linkedin_url: string | null;
  linkedin_norm: string | null;
  linkedin_alt_url: string | null;
  facebook_url: string | null;
  facebook_norm: string | null;
  facebook_alt_url: string | null;
  country: string | null;
  location: string | null;
  timezone: string | null;
  picture_url: string | null;
  company_id: number | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  /** Why contacting this lead is lawful (EU contacts). */
  lawful_basis: string | null;
  deleted_at: Millis | null;
}

/** A tag (name unique case-insensitively among live tags, colour '#rrggbb' lower-case). */
export interface TagsTable {
  id: Generated<number>;
  name: string;
  color: string;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
}

/** A tag on a record; removal keeps the row (removed_at) so history shows who added and removed it. */
export interface TagLinksTable {
  id: Generated<number>;
  tag_id: number;
  target_kind: TagTargetKind;
  target_id: number;
  created_by_kind: ActorKind;
  created_by_id: number | null;
  created_at: Immutable<Millis>;
  removed_by_kind: ActorKind | null;
  removed_by_id: number | null;
  removed_at: Millis | null;
}

/** A user-defined field on leads or companies; format is a pattern for strings, min/max a range for numbers. */
export interface CustomFieldsTable {
  id: Generated<number>;
  target_kind: RecordKind;
  name: string;
  type: CustomFieldType;
  format: string | null;
  min_value: number | null;
  max_value: number | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
}

/** One custom field value of one lead or company; booleans as 0/1, dates as 'YYYY-MM-DD' text. */
export interface CustomFieldValuesTable {
  target_kind: RecordKind;
  target_id: number;
  field_id: number;
  value: string | number;
}

/** Who last set a field of a lead or company; field is the column name or 'custom:<field id>'. */
export interface FieldProvenanceTable {
  target_kind: RecordKind;
  target_id: number;
  field: string;
  source_kind: ActorKind;
  source_id: number | null;
  set_at: Millis;
}

/** A reminder on a lead. */
export interface RemindersTable {
  id: Generated<number>;
  lead_id: number;
  due_at: Millis;
  note: Generated<string>;
  done_at: Millis | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
}

/** A lead or company whose full-text entry is stale; `flushSearchIndex` folds these into the indexes. */
export interface SearchQueueTable {
  kind: RecordKind;
  id: number;
  op: 'insert' | 'change';
}

/** An import of a CSV file or pasted text; options/detected hold header, delimiter, quote and encoding. */
export interface ImportsTable {
  id: Generated<number>;
  origin: 'file' | 'paste';
  file_name: string;
  file_path: string;
  file_size: number;
  options: JsonText;
  detected: JsonText | null;
  /** JSON array: one target per column ('lead.email', 'company.domain', 'custom:<id>' or null). */
  mapping: JsonText;
  tag_id: number | null;
  status: Generated<ImportStatus>;
  bytes_ingested: Generated<number>;
  merged_through_line: Generated<number>;
  rows_staged: Generated<number>;
  rows_inserted: Generated<number>;
  rows_merged: Generated<number>;
  rows_duplicate: Generated<number>;
  rows_rejected: Generated<number>;
  error_text: string | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  started_at: Millis | null;
  finished_at: Millis | null;
  undone_at: Millis | null;
}

/** One staged record of an import (cells as a JSON array of strings) and what became of it. */
export interface ImportRowsTable {
  id: Generated<number>;
  import_id: number;
  line: number;
  cells: JsonText;
  outcome: Generated<ImportRowOutcome>;
  reason: string | null;
  processed_at: Millis | null;
}

/** A CSV export of the leads matching a filter. */
export interface ExportsTable {
  id: Generated<number>;
  filter: JsonText;
  columns: JsonText;
  file_path: string;
  status: Generated<ExportStatus>;
  rows_written: Generated<number>;
  error_text: string | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  finished_at: Millis | null;
}

/** One undoable change to a lead, company or tag link (before is null for an insert). */
export interface MergeJournalTable {
  id: Generated<number>;
  import_id: number | null;
  target_kind: JournalTargetKind;
  target_id: number;
  action: JournalAction;
  merged_id: number | null;
  before: JsonText | null;
  after: JsonText;
  created_at: Immutable<Millis>;
  undone_at: Millis | null;
}

/** A bulk action (tag, untag, delete, export) over the leads matching a filter, walked by ascending id. */
export interface BulkOperationsTable {
  id: Generated<number>;
  kind: Immutable<BulkKind>;
  filter: Immutable<JsonText>;
  params: Generated<JsonText>;
  status: Generated<BulkStatus>;
  total: Generated<number>;
  done: Generated<number>;
  changed: Generated<number>;
  max_id: Immutable<number>;
  last_id: Generated<number>;
  export_id: number | null;
  export_bytes: Generated<number>;
  error_text: string | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  started_at: Millis | null;
  finished_at: Millis | null;
  undone_at: Millis | null;
}

/** One lead a bulk operation changed: the tag link it created or removed, or when it soft-deleted the lead. */
export interface BulkOperationItemsTable {
  operation_id: number;
  lead_id: number;
  tag_link_id: number | null;
  deleted_at: Millis | null;
}

/** A third-party service (or this computer); looked up by code. */
export interface ChannelsTable {
  id: Generated<number>;
  code: string;
  name: string;
  created_at: Immutable<Millis>;
  updated_at: Millis;
}

/** A kind of account on a channel; defaults = {settings, credentials, quotas, policy} that profiles inherit. */
export interface ProfileTypesTable {
  id: Generated<number>;
  code: string;
  channel_id: number;
  name: string;
  access: ProfileAccess;
  defaults: JsonText;
  created_at: Immutable<Millis>;
  updated_at: Millis;
}

/** A kind of saved search; url_pattern is a JavaScript RegExp source for its URLs. */
export interface SourceTypesTable {
  id: Generated<number>;
  code: string;
  name: string;
  url_pattern: string;
  paged: Flag;
  quota_action: string | null;
  defaults: JsonText;
  created_at: Immutable<Millis>;
  updated_at: Millis;
}

/** A kind of lookup (verify, find email, find leads, find phone) on a lead or a company. */
export interface EnrichmentTypesTable {
  id: Generated<number>;
  code: string;
  name: string;
  target_kind: RecordKind;
  quota_action: string | null;
  defaults: JsonText;
  created_at: Immutable<Millis>;
  updated_at: Millis;
}

/** A kind of message or social action; address_field is the lead address it needs. */
export interface OutreachTypesTable {
  id: Generated<number>;
  code: string;
  name: string;
  address_field: AddressField | null;
  quota_action: string | null;
  defaults: JsonText;
  created_at: Immutable<Millis>;
  updated_at: Millis;
}

/** Which profile types can scrape a source type. */
export interface SourceTypeProfileTypesTable {
  source_type_id: number;
  profile_type_id: number;
}

/** Which profile types can perform an enrichment type. */
export interface EnrichmentTypeProfileTypesTable {
  enrichment_type_id: number;
  profile_type_id: number;
}

/** Which profile types can perform an outreach type. */
export interface OutreachTypeProfileTypesTable {
  outreach_type_id: number;
  profile_type_id: number;
}

/** A connected account; settings/quotas/policy override the type's defaults, credentials are encrypted. */
export interface ProfilesTable {
  id: Generated<number>;
  profile_type_id: number;
  name: string;
  identity: string | null;
  credentials: Buffer | null;
  settings: Generated<JsonText>;
  quotas: Generated<JsonText>;
  policy: Generated<JsonText>;
  active: Generated<Flag>;
  state: Generated<ProfileState>;
  state_detail: string | null;
  pause_reason: PauseReason | null;
  state_changed_at: Millis | null;
  consecutive_failures: Generated<number>;
  /** Channel-specific high-water marks of the inbox check (per folder UIDVALIDITY and last UID for IMAP). */
  inbox_mark: Generated<JsonText>;
  connection_mark: Generated<JsonText>;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
  /** JSON array of the credential field names the sealed `credentials` hold (names only, never values). */
  credential_fields: Generated<JsonText>;
}

/** A saved search a profile scrapes; params hold scrolling and delay settings, tag_id tags what it finds. */
export interface SourcesTable {
  id: Generated<number>;
  source_type_id: number;
  name: string;
  active: Generated<Flag>;
  profile_id: number | null;
  cadence_seconds: number;
  max_jobs: number | null;
  event_limit: number | null;
  params: Generated<JsonText>;
  tag_id: number | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
}

/** One URL of a source and when it runs next. */
export interface SourceUrlsTable {
  id: Generated<number>;
  source_id: number;
  url: string;
  url_norm: string;
  active: Generated<Flag>;
  next_run_at: Millis;
  last_run_at: Millis | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
}

/** One run of one source URL (or one page of it) by one profile, with the counts the timeline folds. */
export interface JobsTable extends WorkItemColumns {
  id: Generated<number>;
  source_id: number;
  source_url_id: number;
  parent_job_id: number | null;
  page: Generated<number>;
  url: string;
  profile_id: number | null;
  error_snapshot: string | null;
  events_seen: Generated<number>;
  events_new: Generated<number>;
  leads_new: Generated<number>;
  companies_new: Generated<number>;
  timeline_counted_at: Millis | null;
}

/** One scraped item, stored once per normalised URL; descriptor is the lead or company it carries. */
export interface EventsTable {
  id: Generated<number>;
  url: string;
  url_norm: string;
  kind: EventKind;
  source_id: number;
  job_id: number;
  title: string | null;
  text: string | null;
  published_at: Millis | null;
  descriptor: JsonText;
  lead_id: number | null;
  company_id: number | null;
  lead_created: Generated<Flag>;
  company_created: Generated<Flag>;
  created_at: Immutable<Millis>;
  updated_at: Millis;
}

/** Every job that saw an event. */
export interface JobEventsTable {
  job_id: number;
  event_id: number;
  seen_at: Millis;
}

/** A multichannel sequence; schedule = sending days/hours, stop_conditions = what ends an enrollment. */
export interface SequencesTable {
  id: Generated<number>;
  name: string;
  status: Generated<SequenceStatus>;
  schedule: JsonText | null;
  stop_conditions: Generated<JsonText>;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
}

/** One step of a sequence, delay_days counted in sending days after the previous step. */
export interface SequenceStepsTable {
  id: Generated<number>;
  sequence_id: number;
  position: number;
  outreach_type_id: number;
  delay_days: Generated<number>;
  conditions: Generated<JsonText>;
  auto_approve: Generated<Flag>;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
}

/** One A/B variant (template) of a sequence step, chosen by weight. */
export interface SequenceVariantsTable {
  id: Generated<number>;
  sequence_step_id: number;
  label: string;
  subject: string | null;
  body: string;
  weight: Generated<number>;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
}

/** Trigger -> filter -> one action; trigger_cursor is the highest trigger row id already scanned. */
export interface RulesTable {
  id: Generated<number>;
  name: string;
  active: Generated<Flag>;
  trigger_kind: RuleTriggerKind;
  trigger_source_id: number | null;
  trigger_tag_id: number | null;
  trigger_rule_id: number | null;
  filter: Generated<JsonText>;
  action_kind: RuleActionKind;
  outreach_type_id: number | null;
  enrichment_type_id: number | null;
  sequence_id: number | null;
  tag_id: number | null;
  action_config: Generated<JsonText>;
  auto_approve: Generated<Flag>;
  delay_seconds: Generated<number>;
  apply_to_previous: Generated<Flag>;
  trigger_cursor: Generated<number>;
  /** Trigger rows scanned so far (migration 0021). */
  triggered_count: Generated<number>;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
}

/** One completed rule instance, in completion order: what rule_performed triggers read by id (migration 0021). */
export interface RuleCompletionsTable {
  id: Generated<number>;
  rule_id: number;
  rule_instance_id: number;
  completed_at: Millis;
}

/** One trigger hit of one rule for one target (unique per rule and target); due_at = trigger time + delay. */
export interface RuleInstancesTable extends WorkItemColumns {
  id: Generated<number>;
  rule_id: number;
  target_kind: RuleTargetKind;
  target_id: number;
  trigger_id: number | null;
  parent_instance_id: number | null;
  filter_passed: Flag | null;
  timeline_counted_at: Millis | null;
}

/** A lead in a sequence; one sending profile for all its steps, next_step_id is the first step not yet sent. */
export interface EnrollmentsTable {
  id: Generated<number>;
  sequence_id: number;
  lead_id: number;
  profile_id: number | null;
  rule_instance_id: number | null;
  status: Generated<EnrollmentStatus>;
  stop_reason: StopReason | null;
  next_step_id: number | null;
  next_step_due_at: Millis | null;
  /** Steps gone through (sent, skipped or refused); 0 = the first step is still ahead. */
  steps_done: Generated<number>;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  finished_at: Millis | null;
}

/** One lookup on exactly one lead or company by a profile. */
export interface EnrichmentsTable extends WorkItemColumns<OutreachStatus> {
  id: Generated<number>;
  enrichment_type_id: number;
  lead_id: number | null;
  company_id: number | null;
  profile_id: number | null;
  rule_instance_id: number | null;
  params: Generated<JsonText>;
  approval: Generated<Approval>;
  approved_at: Millis | null;
  result: JsonText | null;
  hit: Flag | null;
  idempotency_key: string;
  timeline_counted_at: Millis | null;
}

/** One message or social action; outgoing rows carry approval and an idempotency key, incoming rows a kind. */
export interface OutreachTable extends WorkItemColumns<OutreachStatus> {
  id: Generated<number>;
  outreach_type_id: number;
  direction: OutreachDirection;
  incoming_kind: IncomingKind | null;
  lead_id: number;
  profile_id: number | null;
  parent_outreach_id: number | null;
  rule_instance_id: number | null;
  enrollment_id: number | null;
  sequence_step_id: number | null;
  sequence_variant_id: number | null;
  lead_address: string | null;
  subject: string | null;
  body: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  approval: Approval | null;
  approved_at: Millis | null;
  idempotency_key: string | null;
  occurred_at: Millis | null;
  error_snapshot: string | null;
  timeline_counted_at: Millis | null;
  /** The HTML body of an email, when there is one (migration 0017). */
  body_html: string | null;
  /** JSON array of the thread's earlier Message-IDs, oldest first. */
  thread_references: JsonText | null;
  /** JSON {code, response, command}: the SMTP server's last answer to this send. */
  smtp_response: JsonText | null;
  /** JSON {folder, uid, reason, bounce, references}: what the inbox check learnt about an incoming email (migration 0018). */
  inbox_detail: JsonText | null;
}

/** A request that a profile reads its inbox and spam folders since its high-water mark. */
export interface InboxChecksTable extends WorkItemColumns {
  id: Generated<number>;
  profile_id: number;
  messages_found: Generated<number>;
  result: JsonText | null;
  error_snapshot: string | null;
}

/** A request that a profile reads its new connections since its high-water mark. */
export interface ConnectionChecksTable extends WorkItemColumns {
  id: Generated<number>;
  profile_id: number;
  connections_found: Generated<number>;
  result: JsonText | null;
  error_snapshot: string | null;
}

/** An effect started or finished under an idempotency key, so a retry never repeats it. */
export interface EffectLedgerTable {
  id: Generated<number>;
  idempotency_key: string;
  work_kind: EffectWorkKind;
  work_id: number;
  profile_id: number;
  outcome: Generated<EffectOutcome>;
  external_ref: string | null;
  detail: JsonText | null;
  started_at: Millis;
  finished_at: Millis | null;
}

/** An item of unknown outcome: verified by its channel ('verify') or left to the operator ('operator'). */
export interface UnknownOutcomesTable {
  work_kind: EffectWorkKind;
  work_id: number;
  profile_id: number;
  state: 'verify' | 'operator';
  verify_tries: Generated<number>;
  due_at: Millis;
  note: string | null;
  created_at: Millis;
  updated_at: Millis;
}

/** An address that must never be contacted on any channel (value normalised like the lead columns). */
export interface SuppressionsTable {
  id: Generated<number>;
  kind: SuppressionKind;
  value: string;
  reason: SuppressionReason;
  outreach_id: number | null;
  note: string | null;
  created_at: Immutable<Millis>;
  updated_at: Millis;
  deleted_at: Millis | null;
  /** Why the operator removed the entry. */
  removed_note: string | null;
}

/** A tracked open pixel, click redirect or unsubscribe link of one outreach, addressed by token. */
export interface TrackingLinksTable {
  id: Generated<number>;
  outreach_id: number;
  token: string;
  kind: TrackingKind;
  url: string | null;
  created_at: Immutable<Millis>;
}

/** One hit on a tracking link. */
export interface TrackingEventsTable {
  id: Generated<number>;
  tracking_link_id: number;
  occurred_at: Millis;
  user_agent: string | null;
  timeline_counted_at: Millis | null;
}

/** A counter for one metric of one dimension in one hour (bucket_at = start of the UTC hour). */
export interface TimelineBucketsTable {
  dimension_kind: TimelineDimension;
  dimension_id: number;
  bucket_at: Millis;
  metric: string;
  value: number;
}

/** A timeline rebuild in progress: the table whose counted marks are cleared up to `cursor`. */
export interface TimelineResetsTable {
  table_name: 'jobs' | 'enrichments' | 'outreach' | 'tracking_events' | 'rule_instances';
  cursor: number;
}

/** One counted action of a profile; rolling windows count these rows. */
export interface QuotaUsesTable {
  id: Generated<number>;
  profile_id: number;
  action: string;
  used_at: Millis;
  work_kind: QuotaWorkKind | null;
  work_id: number | null;
  /** Lower-case recipient domain of an email, for the per-domain daily cap. */
  recipient_domain: string | null;
}

/** One setting; value is JSON. */
export interface SettingsTable {
  key: string;
  value: JsonText;
  updated_at: Millis;
}

/** A key for the local API, stored as a hash with a displayable prefix. */
export interface ApiKeysTable {
  id: Generated<number>;
  prefix: string;
  key_hash: string;
  created_at: Immutable<Millis>;
  last_used_at: Millis | null;
  revoked_at: Millis | null;
}

/** A browser session, stored as a token hash. */
export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  created_at: Immutable<Millis>;
  expires_at: Millis;
  last_seen_at: Millis;
}

/** A one-time login code, stored as a hash. */
export interface LoginCodesTable {
  code_hash: string;
  created_at: Immutable<Millis>;
  expires_at: Millis;
  used_at: Millis | null;
}

/** One applied migration (table owned by migrate.ts). */
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Millis;
}

/** The Outpost database as Kysely sees it. */
export interface DB {
  schema_migrations: SchemaMigrationsTable;
  companies: CompaniesTable;
  leads: LeadsTable;
  tags: TagsTable;
  tag_links: TagLinksTable;
  custom_fields: CustomFieldsTable;
  custom_field_values: CustomFieldValuesTable;
  field_provenance: FieldProvenanceTable;
  reminders: RemindersTable;
  search_queue: SearchQueueTable;
  imports: ImportsTable;
  import_rows: ImportRowsTable;
  exports: ExportsTable;
  merge_journal: MergeJournalTable;
  bulk_operations: BulkOperationsTable;
  bulk_operation_items: BulkOperationItemsTable;
  channels: ChannelsTable;
  profile_types: ProfileTypesTable;
  source_types: SourceTypesTable;
  enrichment_types: EnrichmentTypesTable;
  outreach_types: OutreachTypesTable;
  source_type_profile_types: SourceTypeProfileTypesTable;
  enrichment_type_profile_types: EnrichmentTypeProfileTypesTable;
  outreach_type_profile_types: OutreachTypeProfileTypesTable;
  profiles: ProfilesTable;
  sources: SourcesTable;
  source_urls: SourceUrlsTable;
  jobs: JobsTable;
  events: EventsTable;
  job_events: JobEventsTable;
  sequences: SequencesTable;
  sequence_steps: SequenceStepsTable;
  sequence_variants: SequenceVariantsTable;
  rules: RulesTable;
  rule_instances: RuleInstancesTable;
  rule_completions: RuleCompletionsTable;
  enrollments: EnrollmentsTable;
  enrichments: EnrichmentsTable;
  outreach: OutreachTable;
  inbox_checks: InboxChecksTable;
  connection_checks: ConnectionChecksTable;
  effect_ledger: EffectLedgerTable;
  unknown_outcomes: UnknownOutcomesTable;
  suppressions: SuppressionsTable;
  tracking_links: TrackingLinksTable;
  tracking_events: TrackingEventsTable;
  timeline_buckets: TimelineBucketsTable;
  timeline_resets: TimelineResetsTable;
  quota_uses: QuotaUsesTable;
  settings: SettingsTable;
  api_keys: ApiKeysTable;
  sessions: SessionsTable;
  login_codes: LoginCodesTable;
}
