import type { EmailDoctorReport } from '../../shared/contract/schemas/email-doctor';
import { lookupFailure, txtRecords, type DoctorResolver } from './doctor-dns';

type Dmarc = EmailDoctorReport['dmarc'];

const tags = (record: string): Map<string, string> =>
  new Map(
    record
      .split(';')
      .map((part) => part.split('='))
      .filter((kv) => kv.length >= 2)
      .map(([k, ...v]) => [(k ?? '').trim().toLowerCase(), v.join('=').trim()]),
  );

/** Reads the domain's DMARC record (`_dmarc.<domain>`): its policy and aggregate report addresses. p=none meets the bulk-sender minimum but only monitors. */
export async function checkDmarc(resolver: DoctorResolver, domain: string): Promise<Dmarc> {
  let records: string[];
  try {
    records = (await txtRecords(resolver, `_dmarc.${domain}`)).filter((r) => /^v=DMARC1\s*(;|$)/i.test(r.trim()));
  } catch (error) {
    return { status: 'unknown', record: null, policy: null, rua: [], problems: [lookupFailure('DMARC', error)] };
  }
  const [record] = records;
  if (record === undefined) return { status: 'fail', record: null, policy: null, rua: [], problems: [`no DMARC record at _dmarc.${domain}`] };
  const t = tags(record);
  const p = t.get('p')?.toLowerCase();
  const policy = p === 'none' || p === 'quarantine' || p === 'reject' ? p : null;
  const rua = (t.get('rua') ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  const problems: string[] = [];
  if (records.length > 1) problems.push(`${records.length} DMARC records: receivers ignore them all; keep one`);
  if (policy === null) problems.push('the record has no valid policy (p=none, quarantine or reject)');
  if (policy === 'none') problems.push('p=none only monitors; move to quarantine or reject once reports look clean');
  if (rua.length === 0) problems.push('no rua= address: you get no aggregate reports');
  const status: Dmarc['status'] = records.length > 1 || policy === null ? 'fail' : problems.length > 0 ? 'warn' : 'pass';
  return { status, record, policy, rua, problems };
}
