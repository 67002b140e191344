import type { Database } from 'better-sqlite3';
import { addContributionsSql, dropEmptiedSql } from './contributions-sql';
import { countedTables, foldSources, type CountedTable } from './fold-sources';

const sourceOf = (table: CountedTable) => foldSources.find((s) => s.table === table)!;

/** The SQL of one table's triggers; `retract` removes the old row's contribution (skipped while a rebuild clears marks). */
function triggersSql(table: CountedTable): string {
  const source = sourceOf(table);
  const changed = source.watched.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  const retract = `${addContributionsSql(source, '= OLD.id', -1)};\n${dropEmptiedSql(source, '= OLD.id')};`;
  const counted = 'OLD.timeline_counted_at IS NOT NULL';
  const notResetting = 'NOT EXISTS (SELECT 1 FROM timeline_resets)';
  const columns = source.watched.join(', ');
  return `
CREATE TEMP TRIGGER IF NOT EXISTS timeline_retract_changed_${table} BEFORE UPDATE OF ${columns} ON ${table}
WHEN ${counted} AND (${changed}) AND ${notResetting}
BEGIN ${retract} END;
CREATE TEMP TRIGGER IF NOT EXISTS timeline_uncount_changed_${table} AFTER UPDATE OF ${columns} ON ${table}
WHEN ${counted} AND (${changed})
BEGIN UPDATE ${table} SET timeline_counted_at = NULL WHERE id = NEW.id; END;
CREATE TEMP TRIGGER IF NOT EXISTS timeline_retract_deleted_${table} BEFORE DELETE ON ${table}
WHEN ${counted} AND ${notResetting}
BEGIN ${retract} END;`;
}

/**
 * Keeps the counters right when a counted row changes (a failed item retried, a late event on a finished job) or is
 * deleted: before the change its old contribution is removed, after it the row is marked uncounted, so the next fold
 * counts it again as it is now. Temporary triggers: they live on this connection (the only one that writes) and their
 * SQL comes from the same definitions as the fold, so no migration has to follow a change of what is counted.
 */
export function installRecountTriggers(sqlite: Database): void {
  sqlite.exec(countedTables.map(triggersSql).join('\n'));
}
