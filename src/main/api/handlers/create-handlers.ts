import type { Services } from '../../services';
import type { Handlers } from '../handler-types';
import { apiKeyHandlers } from './api-key-handlers';
import { approvalHandlers } from './approval-handlers';
import { backupHandlers } from './backup-handlers';
import { bulkHandlers } from './bulk-handlers';
import { catalogueHandlers } from './catalogue-handlers';
import { customFieldHandlers } from './custom-field-handlers';
import { importsHandlers } from './imports-handlers';
import { emailHandlers } from './email-handlers';
import { inboxHandlers } from './inbox-handlers';
import { leadRecordHandlers } from './lead-record-handlers';
import { leadsHandlers } from './leads-handlers';
import { monitoringHandlers } from './monitoring-handlers';
import { outboxHandlers } from './outbox-handlers';
import { quotaHandlers } from './quota-handlers';
import { outreachHandlers } from './outreach-handlers';
import { reminderHandlers } from './reminder-handlers';
import { ruleHandlers } from './rule-handlers';
import { sequenceHandlers } from './sequence-handlers';
import { settingsHandlers } from './settings-handlers';
import { sourceHandlers } from './source-handlers';
import { supportHandlers } from './support-handlers';
import { suppressionHandlers } from './suppression-handlers';
import { jobHandlers } from './job-handlers';
import { systemHandlers } from './system-handlers';
import { tagHandlers } from './tag-handlers';
import { timelineHandlers } from './timeline-handlers';
import { updateHandlers } from './update-handlers';
import { workHandlers } from './work-handlers';
import { workItemHandlers } from './work-item-handlers';

/** The complete handler map for the contract. */
export const createHandlers = (s: Services): Handlers => ({
  ...systemHandlers(s),
  ...leadsHandlers(s),
  ...leadRecordHandlers(s),
  ...tagHandlers(s),
  ...customFieldHandlers(s),
  ...reminderHandlers(s),
  ...ruleHandlers(s),
  ...importsHandlers(s),
  ...bulkHandlers(s),
  ...catalogueHandlers(s),
  ...settingsHandlers(s),
  ...apiKeyHandlers(s),
  ...backupHandlers(s),
  ...workHandlers(s),
  ...workItemHandlers(s),
  ...timelineHandlers(s),
  ...monitoringHandlers(s),
  ...outboxHandlers(s),
  ...outreachHandlers(s),
  ...quotaHandlers(s),
  ...inboxHandlers(s),
  ...emailHandlers(s),
  ...updateHandlers(s),
  ...sourceHandlers(s),
  ...jobHandlers(s),
  ...supportHandlers(s),
  ...sequenceHandlers(s),
  ...approvalHandlers(s),
  ...suppressionHandlers(s),
});
