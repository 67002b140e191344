import { z } from 'zod';

/** The verification results a lead's email can carry (the `leads.email_verification` CHECK). */
export const emailVerifications = ['valid', 'invalid', 'risky', 'catch_all', 'disposable', 'unknown'] as const;

/** One verification result. */
export type EmailVerificationResult = (typeof emailVerifications)[number];

/** What a verify_email enrichment reports as its output: the verdict and the facts behind it. */
export const verificationOutput = z.object({
  email: z.string(),
  verdict: z.enum(emailVerifications),
  /** Why the verdict is not `valid`, in words (empty when valid). */
  reasons: z.array(z.string()),
  domain: z.string().nullable(),
  /** How the domain receives mail: MX hosts, the A-record fallback, a null MX, or nothing. */
  mail: z.enum(['mx', 'a_fallback', 'null_mx', 'none', 'unchecked']),
  mxHosts: z.array(z.string()),
  disposable: z.boolean(),
  role: z.boolean(),
  /** A likely intended address for a misspelt common provider (gmial.com -> gmail.com). */
  suggestion: z.string().nullable(),
  /** What the optional SMTP RCPT probe heard from the domain's mail server; null when it did not run. */
  smtpProbe: z
    .object({ host: z.string(), recipient: z.enum(['accepted', 'rejected', 'unknown']), catchAll: z.boolean().nullable(), reply: z.string() })
    .nullable()
    .default(null),
});

/** A verify_email enrichment's output as a channel reports it (`smtpProbe` may be left out). */
export type VerificationOutput = z.input<typeof verificationOutput>;
