import type { AreaId } from '../../routing/areas';

/** Areas that have no screen yet. */
export type PlannedAreaId = Exclude<AreaId, 'overview' | 'leads' | 'companies' | 'imports' | 'settings' | 'tags' | 'jobs' | 'approvals' | 'suppression'>;

/** What each planned area will hold, so its empty screen says so honestly. */
export const plannedAreas: Record<PlannedAreaId, string> = {
  sources:
    'Saved searches that your profiles scrape on a cadence: LinkedIn and Facebook searches, group feeds, job boards and public pages. Every scraped item becomes a lead or a company, stored once however often it is seen.',
  rules:
    'Rules of the form trigger, optional filter, one action: tag new leads from a source, verify their emails, send a first message or enroll them in a sequence, after an optional delay, with counters for what each rule did.',
  sequences:
    'Ordered steps across email, LinkedIn, Facebook and manual tasks, each with a delay in sending days, a template and A/B variants. A sequence stops for a lead when they reply on any channel, bounce or unsubscribe.',
  outbox:
    'Outgoing emails, messages and invitations waiting for your approval, unless their rule or sequence step approves them itself. Approved items are sent within each profile’s quotas and sending hours.',
  inbox:
    'Replies, received messages and accepted invitations, read from your mailboxes and social profiles and threaded with what you sent.',
  profiles:
    'Your connected accounts: mailboxes with SMTP and IMAP, API keys for verification and enrichment providers, and browser identities for LinkedIn and Facebook, each with its quotas and its current state.',
  monitoring:
    'Counters over time for each source, rule, sequence and profile (leads found, messages sent, replies, acceptances, bounces and unsubscribes) and the health of each profile’s worker.',
};
