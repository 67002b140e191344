import type { Database } from 'better-sqlite3';
import type { EventBus } from '../../event-bus';
import { CompanyRecordsRepo } from './company-records-repo';
import { CustomFieldsRepo } from './custom-fields-repo';
import { LeadRecordsRepo } from './lead-records-repo';
import { RemindersRepo } from './reminders-repo';
import { TagsRepo } from './tags-repo';

/** The repositories of the leads workspace: record pages, tags, custom fields and reminders. */
export interface WorkspaceRepos {
  readonly tags: TagsRepo;
  readonly customFields: CustomFieldsRepo;
  readonly reminders: RemindersRepo;
  readonly leadRecords: LeadRecordsRepo;
  readonly companyRecords: CompanyRecordsRepo;
}

/** Builds the workspace repositories, which share the record journal; any event on the bus may change tag counts. */
export function createWorkspaceRepos(sqlite: Database, now: () => number, bus: EventBus): WorkspaceRepos {
  const tags = new TagsRepo(sqlite, now);
  bus.subscribe(() => tags.invalidate());
  const customFields = new CustomFieldsRepo(sqlite, now);
  const reminders = new RemindersRepo(sqlite, now);
  const leadRecords = new LeadRecordsRepo(sqlite, now, { tags, customFields, reminders });
  const companyRecords = new CompanyRecordsRepo(sqlite, now, { tags, customFields, journal: leadRecords.journal });
  return { tags, customFields, reminders, leadRecords, companyRecords };
}
