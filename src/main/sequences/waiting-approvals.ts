import type { Database, Statement } from 'better-sqlite3';

const counts = new WeakMap<Database, Statement<[], { n: number }>>();

/** How many outgoing messages wait for the operator's approval. */
export function waitingApprovals(sqlite: Database): number {
  let st = counts.get(sqlite);
  if (!st) {
    st = sqlite.prepare("SELECT COUNT(*) AS n FROM outreach WHERE status = 'pending' AND approval = 'pending' AND direction = 'outgoing'");
    counts.set(sqlite, st);
  }
  return st.get()?.n ?? 0;
}
