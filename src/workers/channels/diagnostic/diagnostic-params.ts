import { z } from 'zod';

/** What a diagnostic item does on one attempt. */
export const diagnosticBehaviour = z.enum([
  'succeed',
  'fail_transient',
  'fail_permanent',
  'fail_policy',
  // a failure that looks like no network at all
  'fail_network',
  // blocks the event loop: the worker stops answering heartbeats
  'hang',
  // never finishes but stays responsive: only the lease or the watchdog can take the item back
  'stall',
  'crash',
  // the site wants the operator: asks main to pause the profile with reason captcha, keeping a snapshot name
  'pause_captcha',
  // one external effect through the ledger: appends the item's idempotency key to `effectsFile`, if given
  'effect',
]);

/** A diagnostic item's params: behaviour per attempt (the last one repeats), and optional pauses. */
export const diagnosticParams = z.object({
  outcomes: z.array(diagnosticBehaviour).min(1),
  delayMs: z.number().int().nonnegative().max(60_000).default(0),
  /** For 'effect': the file that gets one line per performed effect, and what 'verify' reads. */
  effectsFile: z.string().min(1).optional(),
  /** For 'effect': the pause inside the effect on both sides of the write, and after it before the result. */
  effectPauseMs: z.number().int().nonnegative().max(60_000).default(0),
});

/** A diagnostic profile's settings: `crashOnOpen` makes every start of its worker crash. */
export const diagnosticSettings = z.object({ crashOnOpen: z.boolean().default(false) });

/** One diagnostic behaviour. */
export type DiagnosticBehaviour = z.infer<typeof diagnosticBehaviour>;

/** A parsed diagnostic item's params. */
export type DiagnosticParams = z.infer<typeof diagnosticParams>;
