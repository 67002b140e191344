import type { Classification } from '../../../../shared/inbox-check-output';
import { freshText } from './fresh-text';
import type { MailFacts } from './mail-facts';

// Subjects auto-responders put first, in the languages prospects most often write in.
const SUBJECT =
  /^\s*(automatic reply|auto(matic)?[- ]?(reply|response)|out of (the )?office|ooo\b|abwesenheit|automatische antwort|r[ée]ponse automatique|absence|respuesta autom[áa]tica|fuera de la oficina|risposta automatica|fuori ufficio|automatisch antwoord|afwezig|resposta autom[áa]tica|autosvar|automaattinen vastaus|odpowied[źz] automatyczna)/i;
const TEXT =
  /\b(out of (the )?office|i am (currently )?(out|away|on (vacation|holiday|leave))|i'm (currently )?(out|away|on (vacation|holiday|leave))|limited access to (my )?e-?mail|will be back (on|in|at)|returning on|bin (bis .{1,30} )?(nicht im b[üu]ro|au[ßs]er haus|abwesend)|je suis (actuellement )?absente?|hors du bureau|estoy fuera de la oficina|estar[ée] fuera|sono fuori (ufficio|sede)|ben (momenteel )?afwezig)\b/i;

/** Why the headers mark a message as sent by a machine rather than a person (RFC 3834 and the common vendor headers). */
function byHeaders(headers: ReadonlyMap<string, string>): string | null {
  const submitted = headers.get('auto-submitted')?.toLowerCase();
  if (submitted && submitted !== 'no') return `Auto-Submitted: ${submitted}`;
  if (headers.has('x-autoreply') || headers.has('x-autorespond') || headers.has('x-autoresponder')) return 'auto-reply header';
  if (/auto_reply/i.test(headers.get('precedence') ?? '')) return 'Precedence: auto_reply';
  return null;
}

/** An out-of-office or other auto-reply (headers first, then subject and wording); null when the message looks human. */
export function detectAutoReply(facts: MailFacts): Classification | null {
  const header = byHeaders(facts.headers);
  if (header) return { kind: 'auto_reply', reason: header, bounce: null };
  if (SUBJECT.test(facts.subject)) return { kind: 'auto_reply', reason: 'auto-reply subject', bounce: null };
  // Wording alone only counts in short messages, so a long human reply that mentions a holiday stays a reply.
  const text = freshText(facts.text);
  if (text.length < 2000 && TEXT.test(text)) return { kind: 'auto_reply', reason: 'out-of-office wording', bounce: null };
  return null;
}
