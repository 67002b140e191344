import { defineMethod } from '../define-method';
import { companiesCountInput, companiesListInput, companiesPage } from '../schemas/company-list';
import { leadsCountInput, leadsListInput, leadsPage, listTotal } from '../schemas/leads';

/** Filtered, sorted, keyset-paged lists of leads and companies. */
export const leadListMethods = {
  'leads.list': defineMethod({
    http: 'GET',
    path: '/leads',
    summary: 'Page through the leads matching a filter in a sort order (default newest first); the total comes with the first page unless `total` is `none` (then ask the count method)',
    input: leadsListInput,
    output: leadsPage,
  }),
  'leads.count': defineMethod({ http: 'GET', path: '/leads/count', summary: 'How many leads match a filter', input: leadsCountInput, output: listTotal }),
  'companies.list': defineMethod({
    http: 'GET',
    path: '/companies',
    summary: 'Page through the companies matching a filter in a sort order (default newest first); the total comes with the first page unless `total` is `none` (then ask the count method)',
    input: companiesListInput,
    output: companiesPage,
  }),
  'companies.count': defineMethod({
    http: 'GET',
    path: '/companies/count',
    summary: 'How many companies match a filter',
    input: companiesCountInput,
    output: listTotal,
  }),
} as const;
