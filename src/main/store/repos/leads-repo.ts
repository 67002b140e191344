import type { Database } from 'better-sqlite3';
import type { LeadFilter } from '../../../shared/contract/schemas/lead-filter';
import type { LeadsListInput, LeadsPage } from '../../../shared/contract/schemas/leads';
import { leadCount, leadListPage } from '../../leads/query/lead-list-query';
import { RecordListRepo } from './record-list-repo';

/** Read access to leads for the lists (the lead page is `LeadRecordsRepo`). */
export class LeadsRepo extends RecordListRepo<LeadFilter, LeadsListInput, LeadsPage> {
  constructor(sqlite: Database) {
    super(sqlite, { page: leadListPage, count: leadCount });
  }
}
