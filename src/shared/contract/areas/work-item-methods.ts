import { defineMethod } from '../define-method';
import { resolveUnknownInput, workItemRef, workItemView } from '../schemas/work-items';

const action = (verb: string, summary: string) =>
  defineMethod({ http: 'POST', path: `/work/items/:kind/:id/${verb}`, summary, input: workItemRef, output: workItemView });

/** One durable work item for the operator: its state and effect ledger, settling unknown outcomes, retry and cancel; changes arrive as work.changed events. */
export const workItemMethods = {
  'work.get': defineMethod({
    http: 'GET',
    path: '/work/items/:kind/:id',
    summary: 'One work item (job, enrichment, outreach, inbox or connection check): status, attempts, error, due time and its effect ledger',
    input: workItemRef,
    output: workItemView,
  }),
  'work.resolveUnknown': defineMethod({
    http: 'POST',
    path: '/work/items/:kind/:id/resolve-unknown',
    summary: "Settle an item of unknown outcome: 'happened' marks it performed; 'not_happened' makes it pending again so its effect may be retried",
    input: resolveUnknownInput,
    output: workItemView,
  }),
  'work.retry': action('retry', 'Give a failed, aborted or canceled item one more attempt, due now'),
  'work.cancel': action('cancel', 'Cancel an item that has not finished (pending, running or of unknown outcome); a late result from its worker is refused'),
} as const;
