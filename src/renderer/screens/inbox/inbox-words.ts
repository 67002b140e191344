import type { IncomingKind } from '../../../shared/inbox-check-output';

/** What each classification is called on screen, in the order the filter offers them. */
export const kindLabels: Readonly<Record<IncomingKind, string>> = {
  reply: 'Reply',
  auto_reply: 'Out of office',
  hard_bounce: 'Hard bounce',
  soft_bounce: 'Soft bounce',
  unsubscribe: 'Unsubscribe',
};

/** The filter's choices: every kind, or all of them. */
export const kindFilters: readonly { readonly value: IncomingKind | 'all'; readonly label: string }[] = [
  { value: 'all', label: 'All' },
  ...Object.entries(kindLabels).map(([value, label]) => ({ value: value as IncomingKind, label })),
];

/** One line saying what a bounce report said: "5.1.1 for bob@example.org: 550 user unknown". */
export function describeBounce(bounce: { status: string | null; recipient: string | null; diagnostic: string | null } | null): string | null {
  if (!bounce) return null;
  const head = [bounce.status, bounce.recipient && `for ${bounce.recipient}`].filter(Boolean).join(' ');
  const text = [head, bounce.diagnostic].filter(Boolean).join(': ');
  return text === '' ? null : text;
}
