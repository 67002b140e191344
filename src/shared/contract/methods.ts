import { z } from 'zod';
import { approvalMethods } from './areas/approval-methods';
import { backupMethods } from './areas/backup-methods';
import { bulkMethods } from './areas/bulk-methods';
import { catalogueMethods } from './areas/catalogue-methods';
import { customFieldMethods } from './areas/custom-field-methods';
import { importMethods } from './areas/import-methods';
import { emailMethods } from './areas/email-methods';
import { inboxMethods } from './areas/inbox-methods';
import { leadListMethods } from './areas/lead-list-methods';
import { leadRecordMethods } from './areas/lead-record-methods';
import { monitoringMethods } from './areas/monitoring-methods';
import { outboxMethods } from './areas/outbox-methods';
import { outreachMethods } from './areas/outreach-methods';
import { quotaMethods } from './areas/quota-methods';
import { reminderMethods } from './areas/reminder-methods';
import { ruleMethods } from './areas/rule-methods';
import { sequenceMethods } from './areas/sequence-methods';
import { settingsMethods } from './areas/settings-methods';
import { sourceMethods } from './areas/source-methods';
import { jobMethods } from './areas/job-methods';
import { supportMethods } from './areas/support-methods';
import { suppressionMethods } from './areas/suppression-methods';
import { systemMethods } from './areas/system-methods';
import { tagMethods } from './areas/tag-methods';
import { timelineMethods } from './areas/timeline-methods';
import { updateMethods } from './areas/update-methods';
import { workItemMethods } from './areas/work-item-methods';
import { workMethods } from './areas/work-methods';

/** The whole API: each name maps to its input, output and REST route. REST, IPC, OpenAPI and the client all derive from it. */
export const methods = {
  ...systemMethods,
  ...leadListMethods,
  ...leadRecordMethods,
  ...tagMethods,
  ...customFieldMethods,
  ...reminderMethods,
  ...ruleMethods,
  ...bulkMethods,
  ...importMethods,
  ...catalogueMethods,
  ...settingsMethods,
  ...backupMethods,
  ...workMethods,
  ...workItemMethods,
  ...timelineMethods,
  ...monitoringMethods,
  ...outreachMethods,
  ...outboxMethods,
  ...quotaMethods,
  ...inboxMethods,
  ...emailMethods,
  ...updateMethods,
  ...sourceMethods,
  ...jobMethods,
  ...supportMethods,
  ...sequenceMethods,
  ...approvalMethods,
  ...suppressionMethods,
} as const;

/** The contract's method names. */
export type MethodName = keyof typeof methods;

/** What a caller passes to a method (before defaults are applied). */
export type MethodInput<K extends MethodName> = z.input<(typeof methods)[K]['input']>;

/** What a handler receives after validation and defaults. */
export type ParsedInput<K extends MethodName> = z.output<(typeof methods)[K]['input']>;

/** What a method returns. */
export type MethodOutput<K extends MethodName> = z.output<(typeof methods)[K]['output']>;

/** True for names that exist in the contract; IPC and the preload use it to refuse anything else. */
export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(methods, name);
