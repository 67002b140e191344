import type { workItemMethods } from '../../../shared/contract/areas/work-item-methods';
import type { WorkItemView } from '../../../shared/contract/schemas/work-items';
import type { Services } from '../../services';
import { WorkConflict, WorkOperator } from '../../work/work-operator';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

/** Runs an operator action, turning a missing item into not_found and a refused status into conflict. */
function answer(kind: string, id: number, run: () => WorkItemView | undefined): WorkItemView {
  let view: WorkItemView | undefined;
  try {
    view = run();
  } catch (error) {
    if (error instanceof WorkConflict) throw new ApiError('conflict', error.message);
    throw error;
  }
  if (!view) throw new ApiError('not_found', `id: no ${kind} ${id}`);
  return view;
}

/** Handlers for one work item: get, resolve an unknown outcome, retry, cancel. */
export const workItemHandlers = (s: Services): Pick<Handlers, keyof typeof workItemMethods> => {
  const operator = new WorkOperator(s.work, () => s.clock.now());
  return {
    'work.get': async ({ kind, id }) => answer(kind, id, () => operator.get(kind, id)),
    'work.resolveUnknown': async ({ kind, id, decision }) => answer(kind, id, () => operator.resolveUnknown(kind, id, decision)),
    'work.retry': async ({ kind, id }) => answer(kind, id, () => operator.retry(kind, id)),
    'work.cancel': async ({ kind, id }) => answer(kind, id, () => operator.cancel(kind, id)),
  };
};
