import type { EmailDoctorReport } from '../../shared/contract/schemas/email-doctor';
import { lookupFailure, txtRecords, type DoctorResolver } from './doctor-dns';

type Spf = EmailDoctorReport['spf'];

// RFC 7208 §4.6.4: at most 10 mechanisms or modifiers that query DNS per evaluation.
const MAX_LOOKUPS = 10;
const QUERYING = /^[+~?-]?(include:|a$|a:|a\/|mx$|mx:|mx\/|ptr|exists:)|^redirect=/i;

const spfOf = (records: string[]): string[] => records.filter((r) => /^v=spf1(\s|$)/i.test(r.trim()));
const terms = (record: string): string[] => record.trim().split(/\s+/).slice(1);

/**
 * Counts the DNS-querying terms of a record and, through include: and redirect=, of the records it pulls in (roughly:
 * macros are not expanded, and counting stops once past the limit); `seen` stops include loops.
 */
async function countLookups(resolver: DoctorResolver, record: string, seen: Set<string>): Promise<number> {
  let count = 0;
  for (const term of terms(record)) {
    if (!QUERYING.test(term)) continue;
    count++;
    const target = /^[+~?-]?include:(.+)$/i.exec(term)?.[1] ?? /^redirect=(.+)$/i.exec(term)?.[1];
    if (!target || target.includes('%') || seen.has(target.toLowerCase()) || count > MAX_LOOKUPS) continue;
    seen.add(target.toLowerCase());
    const [nested] = spfOf(await txtRecords(resolver, target).catch(() => []));
    if (nested) count += await countLookups(resolver, nested, seen);
  }
  return count;
}

/** Parses the domain's SPF record and flags what mailbox providers punish: none, several, `+all`, a soft or missing `all`, too many lookups. */
export async function checkSpf(resolver: DoctorResolver, domain: string): Promise<Spf> {
  let records: string[];
  try {
    records = spfOf(await txtRecords(resolver, domain));
  } catch (error) {
    return { status: 'unknown', record: null, all: null, lookups: 0, problems: [lookupFailure('SPF', error)] };
  }
  const [record] = records;
  if (record === undefined) return { status: 'fail', record: null, all: null, lookups: 0, problems: ['no SPF record (a TXT record starting "v=spf1")'] };
  const problems: string[] = [];
  let status: Spf['status'] = 'pass';
  const flag = (level: 'warn' | 'fail', problem: string) => {
    problems.push(problem);
    if (level === 'fail' || status === 'pass') status = level;
  };
  if (records.length > 1) flag('fail', `${records.length} SPF records: receivers treat that as a permanent error; merge them into one`);
  const allTerm = terms(record).find((t) => /^[+~?-]?all$/i.test(t));
  const all = allTerm === undefined ? null : ((/^[+~?-]/.test(allTerm) ? allTerm[0] : '+') + 'all').toLowerCase() as NonNullable<Spf['all']>;
  if (all === '+all') flag('fail', '"+all" lets any server on the internet send as this domain');
  else if (all === '?all') flag('warn', '"?all" is neutral: unlisted servers are neither allowed nor refused; use "~all" or "-all"');
  else if (all === null && !/\sredirect=/i.test(record)) flag('warn', 'no "all" term: end the record with "~all" or "-all"');
  if (terms(record).some((t) => /^[+~?-]?ptr/i.test(t))) flag('warn', 'the "ptr" mechanism is deprecated (RFC 7208 §5.5) and slow; remove it');
  const lookups = await countLookups(resolver, record, new Set([domain]));
  if (lookups > MAX_LOOKUPS) flag('fail', `about ${lookups} DNS lookups (include, a, mx, ptr, exists, redirect): more than ${MAX_LOOKUPS} is a permanent error`);
  return { status, record, all, lookups, problems };
}
