import type { Database } from 'better-sqlite3';
import type { LeadFilter } from '../../shared/contract/schemas/lead-filter';
import { compileLeadFilter } from '../leads/query/lead-filter-sql';
import { flushSearchIndex } from '../leads/search-index';
import { yieldToEventLoop } from '../loops/yield-to-event-loop';
import { enrollLeads, type EnrollRefusal } from './enroll';

/** Enrolled count, refusals by reason, and a few refused leads. */
export interface EnrollSummary {
  enrolled: number;
  refused: Partial<Record<EnrollRefusal, number>>;
  refusedSample: { leadId: number; reason: EnrollRefusal }[];
}

const BATCH = 1000;
const SAMPLE = 20;

/** Enrolls leads by id or every lead matching a filter, 1,000 per transaction with yields between, summing refusals. */
export async function enrollMatching(
  sqlite: Database,
  input: { sequenceId: number; leadIds?: readonly number[] | undefined; filter?: LeadFilter | undefined; now: () => number },
): Promise<EnrollSummary> {
  const summary: EnrollSummary = { enrolled: 0, refused: {}, refusedSample: [] };
  const take = (leadIds: readonly number[]) => {
    const result = enrollLeads(sqlite, { sequenceId: input.sequenceId, leadIds, now: input.now() });
    summary.enrolled += result.enrolled.length;
    for (const r of result.refused) {
      summary.refused[r.reason] = (summary.refused[r.reason] ?? 0) + 1;
      if (summary.refusedSample.length < SAMPLE) summary.refusedSample.push(r);
    }
  };
  if (input.leadIds) {
    for (let i = 0; i < input.leadIds.length; i += BATCH) {
      take(input.leadIds.slice(i, i + BATCH));
      await yieldToEventLoop();
    }
    return summary;
  }
  if (input.filter?.search) flushSearchIndex(sqlite);
  const { from, where, params } = compileLeadFilter(input.filter ?? {});
  const select = sqlite.prepare<unknown[], { id: number }>(`SELECT l.id FROM ${from} WHERE ${where} AND l.id > ? ORDER BY l.id LIMIT ?`);
  let after = 0;
  for (;;) {
    const ids = select.all(...params, after, BATCH).map((r) => r.id);
    if (ids.length === 0) return summary;
    take(ids);
    after = ids.at(-1) ?? after;
    await yieldToEventLoop();
  }
}
