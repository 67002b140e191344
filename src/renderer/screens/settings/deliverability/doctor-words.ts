import type { CheckStatus, EmailDoctorReport } from '../../../../shared/contract/schemas/email-doctor';

/** A check's outcome in words. */
export const statusWords: Readonly<Record<CheckStatus, string>> = {
  pass: 'Pass',
  warn: 'Warning: needs attention',
  fail: 'Fail: missing or broken',
  unknown: 'Could not check: DNS did not answer',
};

/** The checks of a report, in the order they are shown. */
export type CheckName = 'mx' | 'spf' | 'dkim' | 'dmarc';

/** What each check is about, as its heading says it. */
export const checkTitles: Readonly<Record<CheckName, string>> = {
  mx: 'MX (receiving replies and bounces)',
  spf: 'SPF (who may send for the domain)',
  dkim: 'DKIM (signed messages)',
  dmarc: 'DMARC (policy and reports)',
};

/** What to do when a check does not pass. */
export function fixFor(check: CheckName, status: CheckStatus, domain: string): string | undefined {
  if (status === 'pass') return undefined;
  if (status === 'unknown') return 'Check the network connection (or the DNS server Outpost uses) and run the doctor again.';
  switch (check) {
    case 'mx':
      return `Publish the MX records your mail provider gives for ${domain}, so replies and bounces arrive.`;
    case 'spf':
      return `Publish one TXT record on ${domain} starting "v=spf1" that includes your mail provider and ends in "~all" or "-all", with at most 10 DNS lookups.`;
    case 'dkim':
      return `Turn on DKIM signing at your mail provider and publish its key as TXT at <selector>._domainkey.${domain}; enter the selector above if it is not a common one.`;
    case 'dmarc':
      return `Publish TXT at _dmarc.${domain}, for example "v=DMARC1; p=none; rua=mailto:dmarc@${domain}", and move to p=quarantine once the reports look clean.`;
  }
}

/** What a check found, in one line ("2 hosts: mx1.example.com, …"), when there is something to say. */
export function foundText(check: CheckName, report: EmailDoctorReport): string | undefined {
  switch (check) {
    case 'mx':
      return report.mx.hosts.length ? `Mail servers: ${report.mx.hosts.map((h) => h.exchange).join(', ')}` : undefined;
    case 'spf':
      return report.spf.record ? `${report.spf.record} (${report.spf.lookups} DNS lookups)` : undefined;
    case 'dkim': {
      const found = report.dkim.selectors.filter((s) => s.found).map((s) => s.selector);
      return `Selectors tried: ${report.dkim.selectors.map((s) => s.selector).join(', ')}${found.length ? `; key found at ${found.join(', ')}` : '; no key found'}`;
    }
    case 'dmarc':
      return report.dmarc.record ?? undefined;
  }
}

/** A sender rule's state in words. */
export const requirementWords = (met: boolean | null): string => (met === null ? 'Not visible in DNS: check it yourself' : met ? 'Met' : 'Missing');
