import { emptyWhenAbsent } from '../../shared/dns-absent';
import type { EmailDoctorReport } from '../../shared/contract/schemas/email-doctor';
import { lookupFailure, type DoctorResolver } from './doctor-dns';

/** Whether the domain receives mail: replies and bounces to the sending address need an MX (a null MX refuses them). */
export async function checkMx(resolver: DoctorResolver, domain: string): Promise<EmailDoctorReport['mx']> {
  try {
    const records = (await emptyWhenAbsent(resolver.resolveMx(domain))).sort((a, b) => a.priority - b.priority);
    if (records.length === 0) return { status: 'fail', hosts: [], problems: ['no MX record: replies and bounces to this domain cannot be delivered'] };
    const hosts = records.map((r) => ({ exchange: r.exchange, priority: r.priority }));
    if (records.every((r) => r.exchange === '' || r.exchange === '.')) {
      return { status: 'fail', hosts, problems: ['a null MX: the domain declares it receives no mail, so replies and bounces are lost'] };
    }
    return { status: 'pass', hosts, problems: [] };
  } catch (error) {
    return { status: 'unknown', hosts: [], problems: [lookupFailure('MX', error)] };
  }
}
