import type { TagRef } from '../../../shared/contract/schemas/leads';
import type { StatementCache } from './statement-cache';

const SQL = `SELECT tl.target_id, t.id, t.name, t.color FROM tag_links tl JOIN tags t ON t.id = tl.tag_id
WHERE tl.target_kind = ? AND tl.target_id IN (SELECT value FROM json_each(?)) AND tl.removed_at IS NULL AND t.deleted_at IS NULL
ORDER BY t.name COLLATE NOCASE, t.id`;

/** The live tags of a page of leads or companies, by target id, in one query. */
export function tagChips(cache: StatementCache, kind: 'lead' | 'company', ids: readonly number[]): Map<number, TagRef[]> {
  const byTarget = new Map<number, TagRef[]>();
  if (ids.length === 0) return byTarget;
  const rows = cache.get(SQL).all(kind, JSON.stringify(ids)) as { target_id: number; id: number; name: string; color: string }[];
  for (const { target_id, ...tag } of rows) {
    const list = byTarget.get(target_id);
    if (list) list.push(tag);
    else byTarget.set(target_id, [tag]);
  }
  return byTarget;
}
