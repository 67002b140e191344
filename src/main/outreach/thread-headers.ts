/** The threading of a follow-up: what it answers, the chain before it and the thread's subject. */
export interface ThreadHeaders {
  readonly inReplyTo: string | null;
  readonly references: string[];
  readonly subject: string;
}

const REPLY_PREFIX = /^\s*((re|aw|sv|antw)\s*:\s*)+/i;

/**
 * A follow-up joins the thread of the first email to the lead: In-Reply-To the latest, References the whole
 * chain, and `Re: <first subject>` (mail clients split threads whose subjects differ).
 */
export function threadHeaders(earlier: readonly { message_id: string; subject: string | null }[], subject: string): ThreadHeaders {
  const first = earlier[0];
  if (!first) return { inReplyTo: null, references: [], subject };
  const base = (first.subject ?? subject).replace(REPLY_PREFIX, '');
  return { inReplyTo: earlier.at(-1)?.message_id ?? null, references: earlier.map((e) => e.message_id), subject: `Re: ${base}` };
}
