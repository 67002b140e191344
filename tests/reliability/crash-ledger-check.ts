import Database from 'better-sqlite3';
import type { SunkMessage } from '../helpers/smtp-sink';

/** What the SMTP server received compared with what the database says was sent. */
export interface DeliveryCheck {
  readonly received: number;
  /** Messages received more than once (by Message-ID, or a second message to the same recipient). */
  readonly duplicates: number;
  readonly sentRows: number;
  readonly unknownRows: number;
  readonly problems: readonly string[];
}

const messageIdOf = (raw: string): string | null => /^Message-ID:\s*(<[^>\s]+>)/im.exec(raw)?.[1] ?? null;
const bracketed = (id: string): string => (id.startsWith('<') ? id : `<${id}>`);

/**
 * Every outgoing row that is sent must have been received exactly once; one of unknown outcome at most once;
 * nothing else may have been received. The effect ledger must agree: a sent row's effect succeeded.
 */
export function checkDeliveries(databaseFile: string, messages: readonly SunkMessage[]): DeliveryCheck {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT o.id, o.status, o.message_id, o.lead_address,
           (SELECT group_concat(outcome) FROM effect_ledger e WHERE e.work_kind = 'outreach' AND e.work_id = o.id) AS ledger
         FROM outreach o WHERE o.direction = 'outgoing'`,
      )
      .all() as { id: number; status: string; message_id: string | null; lead_address: string | null; ledger: string | null }[];
    const byMessageId = new Map<string, number>();
    const byRecipient = new Map<string, number>();
    for (const m of messages) {
      const id = messageIdOf(m.raw) ?? '(none)';
      byMessageId.set(id, (byMessageId.get(id) ?? 0) + 1);
      for (const to of m.to) byRecipient.set(to.toLowerCase(), (byRecipient.get(to.toLowerCase()) ?? 0) + 1);
    }
    const problems: string[] = [];
    // Each lead gets one message in this workload, so a second one to a recipient is a duplicate even under a new Message-ID.
    const extra = (counts: Map<string, number>, what: string): number => {
      let n = 0;
      for (const [key, times] of counts) {
        if (times < 2) continue;
        n += times - 1;
        problems.push(`${what} ${key} received ${times} times`);
      }
      return n;
    };
    const duplicates = Math.max(extra(byMessageId, 'message'), extra(byRecipient, 'recipient'));
    const known = new Set<string>();
    for (const row of rows) {
      const id = row.message_id === null ? null : bracketed(row.message_id);
      if (id) known.add(id);
      const got = id === null ? 0 : (byMessageId.get(id) ?? 0);
      if (row.status === 'performed') {
        if (got !== 1) problems.push(`outreach ${row.id} is sent but ${id} was received ${got} times`);
        if (!row.ledger?.split(',').includes('succeeded')) problems.push(`outreach ${row.id} is sent but its ledger says ${row.ledger}`);
      } else if (row.status !== 'unknown' && got > 0) {
        problems.push(`outreach ${row.id} is ${row.status} but ${id} was received`);
      }
    }
    for (const id of byMessageId.keys()) if (!known.has(id)) problems.push(`${id} was received but no outreach row has it`);
    return {
      received: messages.length,
      duplicates,
      sentRows: rows.filter((r) => r.status === 'performed').length,
      unknownRows: rows.filter((r) => r.status === 'unknown').length,
      problems,
    };
  } finally {
    db.close();
  }
}
