import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import type { leadRecordMethods } from '../../../shared/contract/areas/lead-record-methods';
import type { CompanyDetail } from '../../../shared/contract/schemas/company-detail';
import type { LeadDetail } from '../../../shared/contract/schemas/lead-detail';

/** Lead and company detail, manual edits, delete/restore and undo of one journaled change. */
export const leadRecordHandlers = (s: Services): Pick<Handlers, keyof typeof leadRecordMethods> => {
  const lead = (id: number): LeadDetail => {
    const found = s.leadRecords.get(id);
    if (!found) throw new ApiError('not_found', `lead ${id} does not exist`);
    return found;
  };
  const company = (id: number): CompanyDetail => {
    const found = s.companyRecords.get(id);
    if (!found) throw new ApiError('not_found', `company ${id} does not exist`);
    return found;
  };
  const changed = async () => s.bus.emit('leads.changed', { reason: 'edit', total: await s.leads.count() });
  return {
    'leads.get': async ({ id }) => lead(id),
    'leads.update': async (input) => {
      const journalId = s.leadRecords.update(input);
      if (journalId === undefined) throw new ApiError('not_found', `lead ${input.id} does not exist`);
      if (journalId !== null) await changed();
      return lead(input.id);
    },
    'leads.delete': async ({ id }) => {
      const deleted = s.leadRecords.delete(id);
      if (!deleted) throw new ApiError('not_found', `lead ${id} does not exist`);
      await changed();
      return deleted;
    },
    'leads.restore': async ({ id }) => {
      if (s.leadRecords.restore(id) === null) throw new ApiError('not_found', `lead ${id} does not exist`);
      await changed();
      return lead(id);
    },
    'companies.get': async ({ id }) => company(id),
    'companies.update': async (input) => {
      const journalId = s.companyRecords.update(input);
      if (journalId === undefined) throw new ApiError('not_found', `company ${input.id} does not exist`);
      if (journalId !== null) await changed();
      return company(input.id);
    },
    'journal.undo': async ({ id }) => {
      const undone = s.leadRecords.journal.undo(id, () => s.clock.now());
      await changed();
      return { id, ...undone };
    },
  };
};
