import type { EmailDoctorReport } from '../../shared/contract/schemas/email-doctor';

type Checks = Pick<EmailDoctorReport, 'mx' | 'spf' | 'dkim' | 'dmarc'>;
type Requirement = EmailDoctorReport['requirements'][number];

const seen = (status: Checks['spf']['status'], pass: (s: typeof status) => boolean): boolean | null => (status === 'unknown' ? null : pass(status));

/**
 * What Gmail's and Yahoo's sender rules (in force since February 2024) ask of a sending domain, and whether its DNS
 * shows it met. "Bulk" means close to 5,000 or more messages a day to Gmail; rules that DNS cannot show are listed with met null.
 */
export function senderRequirements(c: Checks): Requirement[] {
  const spf = seen(c.spf.status, (s) => s !== 'fail');
  const dkim = seen(c.dkim.status, (s) => s === 'pass');
  const either = spf === true || dkim === true ? true : spf === null || dkim === null ? null : false;
  const both = spf === false || dkim === false ? false : spf === null || dkim === null ? null : true;
  const dmarc = seen(c.dmarc.status, (s) => s !== 'fail');
  return [
    { rule: 'SPF or DKIM authenticates the sending domain', appliesTo: 'all senders', met: either, detail: 'fix SPF first (one record, ending in ~all or -all), then publish DKIM' },
    { rule: 'Both SPF and DKIM are set up', appliesTo: 'bulk senders', met: both, detail: `SPF ${c.spf.status}, DKIM ${c.dkim.status}` },
    {
      rule: 'A DMARC record is published (p=none is enough)',
      appliesTo: 'bulk senders',
      met: dmarc,
      detail: c.dmarc.policy ? `policy ${c.dmarc.policy}` : `publish e.g. "v=DMARC1; p=none; rua=mailto:dmarc@<your domain>" at _dmarc`,
    },
    {
      rule: 'The From domain aligns with the SPF or DKIM domain (DMARC alignment)',
      appliesTo: 'bulk senders',
      met: null,
      detail: 'seen only on a delivered message: send yourself one and check "dmarc=pass" in its Authentication-Results header',
    },
    { rule: 'The domain receives mail (replies and bounces)', appliesTo: 'all senders', met: seen(c.mx.status, (s) => s === 'pass'), detail: c.mx.problems.join('; ') || 'MX records found' },
    { rule: 'Sending IPs have matching forward and reverse DNS (PTR)', appliesTo: 'all senders', met: null, detail: 'your mail provider (Google, Microsoft, your host) is responsible for its servers' },
    { rule: 'Messages travel over TLS', appliesTo: 'all senders', met: null, detail: 'Outpost sends over TLS/STARTTLS unless a mailbox is set to plain for local testing' },
    {
      rule: 'One-click unsubscribe (RFC 8058) and unsubscribes honoured within 2 days',
      appliesTo: 'bulk senders',
      met: null,
      detail: 'Outpost adds List-Unsubscribe; the one-click form needs a public unsubscribe URL in the mailbox settings',
    },
    { rule: 'Spam complaint rate stays below 0.3% (aim under 0.1%)', appliesTo: 'all senders', met: null, detail: 'watch it in Google Postmaster Tools; keep volumes and ramp-up conservative' },
  ];
}
