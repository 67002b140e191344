import { z } from 'zod';
import { isoTime } from './common';

const hostLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** A DNS host name with at least two labels (letters, digits, inner hyphens), lower-cased. */
const domainName = z
  .string()
  .trim()
  .max(253, 'a domain has at most 253 characters')
  .refine((v) => v.split('.').length >= 2 && v.split('.').every((l) => hostLabel.test(l)), 'not a domain name (like example.com)')
  .transform((v) => v.toLowerCase());

/** Which domain the doctor checks, and optionally the DKIM selector the mail provider gave the operator. */
export const emailDoctorInput = z.strictObject({
  domain: domainName,
  dkimSelector: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,63}(\.[a-z0-9_-]{1,63})*$/i, 'a DKIM selector is a DNS label like "google" or "s1"')
    .optional(),
});

/** How one check came out: pass, warn (works but weak), fail (missing or broken), unknown (DNS could not answer). */
export const checkStatus = z.enum(['pass', 'warn', 'fail', 'unknown']);

/** The MX check: where the domain receives mail (replies and bounces). */
export const mxCheck = z.object({ status: checkStatus, hosts: z.array(z.object({ exchange: z.string(), priority: z.number().int() })), problems: z.array(z.string()) });

/** The SPF check: the record, its `all` qualifier and a rough count of DNS-querying mechanisms (limit 10). */
export const spfCheck = z.object({
  status: checkStatus,
  record: z.string().nullable(),
  all: z.enum(['+all', '-all', '~all', '?all']).nullable(),
  lookups: z.number().int().nonnegative(),
  problems: z.array(z.string()),
});

/** The DKIM check: each selector tried and whether a key is published there. */
export const dkimCheck = z.object({
  status: checkStatus,
  selectors: z.array(z.object({ selector: z.string(), found: z.boolean(), record: z.string().nullable() })),
  problems: z.array(z.string()),
});

/** The DMARC check: the record, its policy and aggregate report addresses. */
export const dmarcCheck = z.object({
  status: checkStatus,
  record: z.string().nullable(),
  policy: z.enum(['none', 'quarantine', 'reject']).nullable(),
  rua: z.array(z.string()),
  problems: z.array(z.string()),
});

/** One Gmail/Yahoo sender rule: who it applies to and whether DNS shows it met (null: cannot be seen in DNS). */
export const senderRequirement = z.object({
  rule: z.string(),
  appliesTo: z.enum(['all senders', 'bulk senders']),
  met: z.boolean().nullable(),
  detail: z.string(),
});

/** The deliverability doctor's report for one sending domain. */
export const emailDoctorReport = z.object({
  domain: z.string(),
  checkedAt: isoTime,
  mx: mxCheck,
  spf: spfCheck,
  dkim: dkimCheck,
  dmarc: dmarcCheck,
  requirements: z.array(senderRequirement),
});

/** The doctor's input. */
export type EmailDoctorInput = z.infer<typeof emailDoctorInput>;
/** One check's status. */
export type CheckStatus = z.infer<typeof checkStatus>;
/** The doctor's report. */
export type EmailDoctorReport = z.infer<typeof emailDoctorReport>;
