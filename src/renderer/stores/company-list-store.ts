import type { z } from 'zod';
import type { CompanyFilter, companySort } from '../../shared/contract/schemas/lead-filter';
import { createListViewStore } from './list-view-store';

/** A company sort. */
export type CompanySort = z.infer<typeof companySort>;

/** A column companies can be sorted by. */
export type CompanySortField = CompanySort['field'];

/** The Companies screen's filter, sort and open company; newest first until the operator sorts. */
export const useCompanyList = createListViewStore<CompanyFilter, CompanySort>({ field: 'created', direction: 'desc' });
