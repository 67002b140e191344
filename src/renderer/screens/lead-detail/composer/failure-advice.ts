import { ClientError } from '../../../api/transport';
import { toError } from '../../../lib/async-state';

// The core names the field at the start of its message ("leadId: lead 3 has no email address"); the advice follows from it.
const advice: readonly (readonly [RegExp, string])[] = [
  [/no email address/, 'Add an email address to this lead (Edit, above) and queue it again.'],
  [/^profileId:/, 'Choose another mailbox, or let the planner choose, and queue it again.'],
  [/unknown merge fields/, 'Correct or remove the unknown merge fields flagged in the preview.'],
  [/suppress|unsubscribed|bounced/i, 'This address is suppressed, so Outpost will not email it.'],
  [/is not an outgoing message waiting for approval/, 'It was already approved, sent or canceled; the list below shows its state.'],
];

/** A failed call as one sentence: what went wrong and what to do about it. */
export function describeFailure(thrown: unknown, what: string): string {
  const error = toError(thrown);
  if (error instanceof ClientError && error.code === 'network') return `${what}: the core cannot be reached. Check that Outpost is running, then try again.`;
  const hint = advice.find(([pattern]) => pattern.test(error.message))?.[1];
  return `${what}: ${error.message.replace(/\.$/, '')}.${hint ? ` ${hint}` : ''}`;
}
