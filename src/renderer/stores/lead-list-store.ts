import type { LeadFilter, LeadSort } from '../../shared/contract/schemas/lead-filter';
import { createListViewStore } from './list-view-store';

/** The Leads screen's filter, sort and open lead; newest first until the operator sorts. */
export const useLeadList = createListViewStore<LeadFilter, LeadSort>({ field: 'created', direction: 'desc' });
