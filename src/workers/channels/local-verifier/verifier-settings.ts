import { z } from 'zod';

/** A local verifier profile's settings (catalogue defaults overlaid by the profile's own). */
export const verifierSettings = z.object({
  /** Optional checks; syntax, role and typo checks always run. */
  checks: z.array(z.enum(['syntax', 'mx', 'disposable'])).default(['syntax', 'mx', 'disposable']),
  /**
   * Asking the domain's mail server (EHLO, MAIL FROM, RCPT TO, plus a random address to spot a catch-all; no DATA).
   * Off by default: outgoing port 25 is blocked on most laptops and home or office networks, and servers may
   * greylist or list an IP that probes; when it cannot talk to the server the verdict is `unknown`.
   */
  smtpProbe: z
    .object({
      enabled: z.boolean().default(false),
      port: z.number().int().min(1).max(65535).default(25),
      heloName: z.string().min(1).default('localhost'),
      /** The envelope sender; empty = the null sender. */
      mailFrom: z.string().default(''),
      timeoutSeconds: z.number().positive().max(60).default(10),
    })
    .default({ enabled: false, port: 25, heloName: 'localhost', mailFrom: '', timeoutSeconds: 10 }),
  dnsTimeoutSeconds: z.number().positive().max(60).default(5),
  /** DNS servers to ask (`host` or `host:port`); empty = the system's resolvers. */
  dnsServers: z.array(z.string().min(1)).default([]),
  /** How long a domain's mail route is reused. */
  cacheTtlSeconds: z.number().int().nonnegative().max(86_400).default(3_600),
});

/** Parsed local verifier settings. */
export type VerifierSettings = z.infer<typeof verifierSettings>;

const noEmail = 'the item carries no email address to verify';

/** A verify_email item's params: the address to verify (main puts the lead's email in at claim). */
export const verifyEmailParams = z.object({ email: z.string({ error: noEmail }).min(1, noEmail) });
