import type { Classification } from '../../../../shared/inbox-check-output';
import { freshText } from './fresh-text';
import type { MailFacts } from './mail-facts';

// A List-Unsubscribe mailto hit: the client sends the subject we put in the link, often to a +unsubscribe address.
const MAILTO_SUBJECT = /^\s*(unsubscribe|opt[- ]?out|remove)\b/i;
const MAILTO_ADDRESS = /^[^@]*unsubscribe[^@]*@/i;
const REMOVE_REQUEST =
  /\b(unsubscribe|remove me|remove my (e-?mail|address)|take me off|opt me out|opt[- ]out|stop (e-?mailing|emailing|contacting|sending|writing)|(do not|don'?t) (contact|e-?mail|email|write to) me|no more e-?mails|abmelden|austragen|nicht mehr (kontaktieren|anschreiben)|d[ée]sabonner|d[ée]sinscri(re|vez)|ne plus (me )?(contacter|[ée]crire)|dar(me)? de baja|no me (contacte|escriba)|cancellami|non contattarmi|afmelden|uitschrijven)\b/i;
// A one-word answer such as "STOP" or "remove".
const ONE_WORD = /^\s*(stop|remove|unsubscribe|abmelden|baja)\s*[.!]*\s*$/i;

/** An unsubscribe request: a mailto unsubscribe hit, or a short "remove me"-style reply; null otherwise. */
export function detectUnsubscribe(facts: MailFacts): Classification | null {
  if (MAILTO_SUBJECT.test(facts.subject) || facts.to.some((address) => MAILTO_ADDRESS.test(address))) {
    return { kind: 'unsubscribe', reason: 'mailto unsubscribe', bounce: null };
  }
  const text = freshText(facts.text);
  // Only short answers: a long reply that mentions unsubscribing somewhere is a conversation, not a request.
  if (ONE_WORD.test(text) || (text.length <= 400 && REMOVE_REQUEST.test(text))) return { kind: 'unsubscribe', reason: 'remove request', bounce: null };
  return null;
}
