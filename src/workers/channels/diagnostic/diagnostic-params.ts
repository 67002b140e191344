import { z } from 'zod';

/** What a diagnostic item does on one attempt. */
export const diagnosticBehaviour = z.enum([
  'succeed',
  'fail_transient',
  'fail_permanent',
  'fail_policy',
  // blocks the event loop: the worker stops answering heartbeats
  'hang',
  // never finishes but stays responsive: only the lease can take the item back
  'stall',
  'crash',
  'effect',
]);

/** A diagnostic item's params: behaviour per attempt (the last one repeats), and an optional pause before it. */
export const diagnosticParams = z.object({
  outcomes: z.array(diagnosticBehaviour).min(1),
  delayMs: z.number().int().nonnegative().max(60_000).default(0),
});

/** A diagnostic profile's settings: `crashOnOpen` makes every start of its worker crash. */
export const diagnosticSettings = z.object({ crashOnOpen: z.boolean().default(false) });

/** One diagnostic behaviour. */
export type DiagnosticBehaviour = z.infer<typeof diagnosticBehaviour>;
