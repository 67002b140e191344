import type { approvalMethods } from '../../../shared/contract/areas/approval-methods';
import { ApprovalStore } from '../../approvals/approval-store';
import { waitingApprovals } from '../../sequences/waiting-approvals';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import { fieldProblem } from './field-problem';

/** The approval queue; every decision pushes `approvals.changed` with the new count. */
export const approvalHandlers = (s: Services): Pick<Handlers, keyof typeof approvalMethods> => {
  const store = new ApprovalStore(s.store.sqlite, () => s.clock.now());
  const changed = <T>(value: T): T => {
    s.bus.emit('approvals.changed', { waiting: waitingApprovals(s.store.sqlite) });
    return value;
  };
  const gone = (id: number) => new ApiError('not_found', `id: message ${id} does not wait for approval`);
  return {
    'approvals.list': async ({ afterId, limit, ...filter }) => ({ items: store.list(filter, afterId ?? 0, limit), waiting: waitingApprovals(s.store.sqlite) }),
    'approvals.edit': async ({ id, subject, body }) => {
      const result = store.edit(id, { subject, body });
      if (!result) throw gone(id);
      if ('error' in result) throw fieldProblem(result.error);
      return result;
    },
    'approvals.approve': async (target) => changed(store.approve(target)),
    'approvals.reject': async (target) => changed(store.reject(target)),
    'approvals.autoApprove': async ({ id }) => {
      const result = store.autoApprove(id);
      if (!result) throw gone(id);
      if ('error' in result) throw fieldProblem(result.error);
      return changed(result);
    },
    'approvals.tasks': async ({ limit }) => ({ items: store.tasks(limit) }),
    'approvals.completeTask': async ({ id }) => {
      if (!store.completeTask(id)) throw new ApiError('not_found', `id: task ${id} is not an open manual task`);
      return { id };
    },
  };
};
