import type { Services } from '../../services';
import type { Handlers } from '../handler-types';
import { apiKeyHandlers } from './api-key-handlers';
import { catalogueHandlers } from './catalogue-handlers';
import { importsHandlers } from './imports-handlers';
import { leadRecordHandlers } from './lead-record-handlers';
import { leadsHandlers } from './leads-handlers';
import { settingsHandlers } from './settings-handlers';
import { systemHandlers } from './system-handlers';

/** The complete handler map for the contract. */
export const createHandlers = (s: Services): Handlers => ({
  ...systemHandlers(s),
  ...leadsHandlers(s),
  ...leadRecordHandlers(s),
  ...importsHandlers(s),
  ...catalogueHandlers(s),
  ...settingsHandlers(s),
  ...apiKeyHandlers(s),
});
