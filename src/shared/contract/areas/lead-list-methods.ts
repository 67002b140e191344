import { defineMethod } from '../define-method';
import { leadsListInput, leadsPage } from '../schemas/leads';

/** Filtered, sorted, paged lists of leads and companies. */
export const leadListMethods = {
  'leads.list': defineMethod({ http: 'GET', path: '/leads', summary: 'Page through leads, newest first', input: leadsListInput, output: leadsPage }),
} as const;
