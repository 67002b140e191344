import type { Classification } from '../../../../shared/inbox-check-output';
import type { MailFacts } from './mail-facts';

// A match starts only where a run of address characters starts: without the lookbehind a long run with no "@"
// is rescanned from every position (quadratic; a hostile 1 MB body would stall the worker).
const EMAIL = /(?<![A-Za-z0-9._%+'=-])[A-Za-z0-9._%+'=-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
// An RFC 3463 code, not part of an IP address or version number.
const ENHANCED = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\.?\d)/;
const BASIC = /(?:^|said:|smtp;|\s)([45]\d\d)[ -](?=[A-Za-z#<(\d])/m;
const DAEMON_ADDRESS = /^(mailer-daemon|mailerdaemon|mail-daemon|postmaster|bounces?)([+@.]|$)/i;
const DAEMON_NAME = /mail delivery (subsystem|system)|mailer-daemon|postmaster/i;
const BOUNCE_SUBJECT =
  /undeliver(ed|able)|delivery (status notification|failure|has failed|incomplete)|returned mail|failure notice|mail delivery failed|could not be delivered|non-?deliver|unzustellbar|non remis|no se puede entregar|non recapitabile/i;
const FAILURE_TEXT = /could not be delivered|couldn't be delivered|wasn't delivered|was not delivered|delivery (to the following )?recipients? failed|permanent (fatal )?error|undeliverable/i;
const HARD_TEXT = /user unknown|no such (user|recipient|mailbox)|does ?n[o']t exist|address rejected|mailbox unavailable|recipient (address )?rejected|invalid recipient|unknown recipient|wasn't found|couldn't be found/i;

/** Fields of a delivery-status text (RFC 3464): one map per block, the per-message block first. */
function statusBlocks(text: string): Map<string, string>[] {
  return text
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n\s*\r?\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

/** `rfc822; bob@example.com` -> `bob@example.com`. */
const typedAddress = (value: string | undefined): string | null => value?.match(EMAIL)?.[0].toLowerCase() ?? null;

function originalMessageId(body: string): string | null {
  return body.match(/^(?:X-Original-)?Message-ID:\s*(<[^>\s]+>)/im)?.[1] ?? null;
}

/**
 * Hard or soft by the status class, except two 5.x.x codes that say nothing bad about the address:
 * X.2.2 (mailbox full, RFC 3463 calls it persistent transient) and X.7.x (our sender refused by policy).
 */
function hardness(status: string | null, text: string): { hard: boolean; why: string } {
  if (status) {
    if (!status.startsWith('5')) return { hard: false, why: `status ${status}` };
    if (/^5\.2\.2$|^5\.7\./.test(status)) return { hard: false, why: `status ${status} (not about the address)` };
    return { hard: true, why: `status ${status}` };
  }
  return HARD_TEXT.test(text) ? { hard: true, why: 'permanent failure wording' } : { hard: false, why: 'no status code' };
}

function verdict(status: string | null, text: string, base: string, recipient: string | null, body: string, diagnostic: string | null): Classification {
  const { hard, why } = hardness(status, text);
  return {
    kind: hard ? 'hard_bounce' : 'soft_bounce',
    reason: `${base}, ${why}`,
    bounce: { status, recipient, originalMessageId: originalMessageId(body), diagnostic: diagnostic?.slice(0, 500) ?? null },
  };
}

function fromDeliveryStatus(facts: MailFacts, deliveryStatus: string): Classification | null {
  const recipients = statusBlocks(deliveryStatus).filter((fields) => fields.has('action') || fields.has('final-recipient'));
  const failed = recipients.find((fields) => /^(failed|delayed)/i.test(fields.get('action') ?? 'failed'));
  if (!failed) return null;
  const diagnostic = failed.get('diagnostic-code')?.replace(/^smtp;\s*/i, '') ?? null;
  const status = failed.get('status')?.match(ENHANCED)?.[0] ?? (/^delayed/i.test(failed.get('action') ?? '') ? '4.0.0' : null);
  const recipient = typedAddress(failed.get('final-recipient')) ?? typedAddress(failed.get('original-recipient'));
  return verdict(status, `${diagnostic ?? ''}\n${facts.text}`, 'delivery status report', recipient, facts.body, diagnostic);
}

function recipientInText(facts: MailFacts): string | null {
  const failedHeader = typedAddress(facts.headers.get('x-failed-recipients'));
  if (failedHeader) return failedHeader;
  const labelled = facts.text.match(/(?:Final|Original)-Recipient:\s*(?:rfc822;)?\s*(\S+)/i) ?? facts.text.match(/^\s*<([^>\s]+@[^>\s]+)>:/m);
  if (labelled?.[1]) return typedAddress(labelled[1]);
  const ignore = new Set([facts.fromAddress, ...facts.to]);
  for (const match of facts.text.matchAll(new RegExp(EMAIL.source, 'g'))) {
    const address = match[0].toLowerCase();
    if (!ignore.has(address) && !DAEMON_ADDRESS.test(address)) return address;
  }
  return null;
}

function fromText(facts: MailFacts): Classification | null {
  const daemon = DAEMON_ADDRESS.test(facts.fromAddress ?? '') || DAEMON_NAME.test(facts.fromName);
  const automatic = facts.headers.has('auto-submitted') || daemon;
  const looksLikeBounce =
    facts.headers.has('x-failed-recipients') || (BOUNCE_SUBJECT.test(facts.subject) && automatic) || (daemon && FAILURE_TEXT.test(facts.text));
  if (!looksLikeBounce) return null;
  const enhanced = facts.text.match(ENHANCED)?.[0] ?? null;
  const basic = facts.text.match(BASIC)?.[1] ?? null;
  const status = enhanced ?? (basic ? `${basic[0]}.0.0` : null);
  const line = (enhanced ?? basic) === null ? null : (facts.text.split(/\r?\n/).find((l) => l.includes((enhanced ?? basic) as string))?.trim() ?? null);
  return verdict(status, facts.text, 'bounce message', recipientInText(facts), facts.body, line);
}

/** A delivery failure report (RFC 3464 DSN, or the common non-standard forms), classified hard or soft; null when the message is none. */
export function detectBounce(facts: MailFacts): Classification | null {
  return facts.deliveryStatus !== null ? fromDeliveryStatus(facts, facts.deliveryStatus) : fromText(facts);
}
