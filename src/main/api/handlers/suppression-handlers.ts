import type { suppressionMethods } from '../../../shared/contract/areas/suppression-methods';
import type { Services } from '../../services';
import { waitingApprovals } from '../../sequences/waiting-approvals';
import { SuppressionStore } from '../../suppression/suppression-store';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import { fieldProblem } from './field-problem';

/** The suppression list; an addition may abort waiting messages, so the approval count is pushed again. */
export const suppressionHandlers = (s: Services): Pick<Handlers, keyof typeof suppressionMethods> => {
  const store = new SuppressionStore(s.store.sqlite, () => s.clock.now());
  const changed = (): void => {
    s.bus.emit('approvals.changed', { waiting: waitingApprovals(s.store.sqlite) });
    s.bus.emit('sequences.changed', { reason: 'stopped', sequenceId: null });
  };
  return {
    'suppressions.list': async (input) => ({ items: store.list(input) }),
    'suppressions.add': async (input) => {
      const result = store.add(input);
      if ('error' in result) throw fieldProblem(`value: ${result.error}`);
      if (result.added) changed();
      return result;
    },
    'suppressions.remove': async ({ id, note }) => {
      const item = store.removeEntry(id, note);
      if (!item) throw new ApiError('not_found', `id: suppression ${id} does not exist or was already removed`);
      return item;
    },
    'compliance.lawfulBasis': async ({ leadId }) => {
      const row = s.store.sqlite.prepare('SELECT lawful_basis FROM leads WHERE id = ? AND deleted_at IS NULL').get(leadId) as { lawful_basis: string | null } | undefined;
      if (!row) throw new ApiError('not_found', `leadId: lead ${leadId} does not exist`);
      return { leadId, note: row.lawful_basis };
    },
    'compliance.setLawfulBasis': async ({ leadId, note }) => {
      const now = s.clock.now();
      const changed = s.store.sqlite.prepare('UPDATE leads SET lawful_basis = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(note, now, leadId).changes;
      if (changed === 0) throw new ApiError('not_found', `leadId: lead ${leadId} does not exist`);
      return { leadId, note };
    },
    'suppressions.import': async (input) => {
      const result = store.import(input);
      if (result.added > 0) changed();
      return result;
    },
  };
};
