import type { Services } from '../../services';
import type { Handlers } from '../handler-types';
import { apiKeyHandlers } from './api-key-handlers';
import { bulkHandlers } from './bulk-handlers';
import { catalogueHandlers } from './catalogue-handlers';
import { customFieldHandlers } from './custom-field-handlers';
import { importsHandlers } from './imports-handlers';
import { leadRecordHandlers } from './lead-record-handlers';
import { leadsHandlers } from './leads-handlers';
import { reminderHandlers } from './reminder-handlers';
import { settingsHandlers } from './settings-handlers';
import { systemHandlers } from './system-handlers';
import { tagHandlers } from './tag-handlers';
import { workHandlers } from './work-handlers';

/** The complete handler map for the contract. */
export const createHandlers = (s: Services): Handlers => ({
  ...systemHandlers(s),
  ...leadsHandlers(s),
  ...leadRecordHandlers(s),
  ...tagHandlers(s),
  ...customFieldHandlers(s),
  ...reminderHandlers(s),
  ...importsHandlers(s),
  ...bulkHandlers(s),
  ...catalogueHandlers(s),
  ...settingsHandlers(s),
  ...apiKeyHandlers(s),
  ...workHandlers(s),
});
