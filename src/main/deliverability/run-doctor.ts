import type { EmailDoctorReport } from '../../shared/contract/schemas/email-doctor';
import { toIso } from '../../shared/iso-time';
import { checkDkim } from './check-dkim';
import { checkDmarc } from './check-dmarc';
import { checkMx } from './check-mx';
import { checkSpf } from './check-spf';
import type { DoctorResolver } from './doctor-dns';
import { senderRequirements } from './sender-requirements';

/** Checks a sending domain's MX, SPF, DKIM and DMARC and lists the Gmail/Yahoo sender rules with what is met and what is missing. */
export async function runDoctor(resolver: DoctorResolver, domain: string, now: number, dkimSelector?: string): Promise<EmailDoctorReport> {
  const [mx, spf, dkim, dmarc] = await Promise.all([checkMx(resolver, domain), checkSpf(resolver, domain), checkDkim(resolver, domain, dkimSelector), checkDmarc(resolver, domain)]);
  return { domain, checkedAt: toIso(now), mx, spf, dkim, dmarc, requirements: senderRequirements({ mx, spf, dkim, dmarc }) };
}
