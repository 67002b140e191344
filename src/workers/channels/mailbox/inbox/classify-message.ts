import type { Classification } from '../../../../shared/inbox-check-output';
import { detectAutoReply } from './detect-auto-reply';
import { detectBounce } from './detect-bounce';
import { detectUnsubscribe } from './detect-unsubscribe';
import type { MailFacts } from './mail-facts';

/**
 * Classifies an incoming message: a bounce first (bounces are auto-submitted too), then an auto-reply
 * (an out-of-office quoting our footer must not read as an unsubscribe), then an unsubscribe request; else a reply.
 */
export function classifyMessage(facts: MailFacts): Classification {
  return detectBounce(facts) ?? detectAutoReply(facts) ?? detectUnsubscribe(facts) ?? { kind: 'reply', reason: 'written by a person', bounce: null };
}
