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
});

/** A verify_email enrichment's output. */
export type VerificationOutput = z.infer<typeof verificationOutput>;
