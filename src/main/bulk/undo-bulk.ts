import type { Database, Statement } from 'better-sqlite3';
import type { BulkKind } from '../../shared/contract/schemas/bulk';
import { yieldToEventLoop } from '../loops/yield-to-event-loop';

interface Item {
  lead_id: number;
  tag_link_id: number | null;
  deleted_at: number | null;
}

/**
 * Reverts exactly what a tag or delete operation changed, from its recorded items, one batch per transaction:
 * links it added are removed, links it removed come back (unless the lead has that tag again), leads it deleted are
 * restored (unless something deleted them again since, or a live lead now holds the same email or profile URL).
 * Every step is idempotent, so an undo interrupted by a crash is finished by running it again.
 */
export class BulkUndo {
  private readonly items: Statement<[number, number, number], Item>;
  private readonly unlink: Statement<[number, number]>;
  private readonly relink: Statement<[number]>;
  private readonly undelete: Statement<[number, number, number]>;
  private readonly marking: Statement<[number, number, number]>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    this.items = sqlite.prepare('SELECT lead_id, tag_link_id, deleted_at FROM bulk_operation_items WHERE operation_id = ? AND lead_id > ? ORDER BY lead_id LIMIT ?');
    this.unlink = sqlite.prepare("UPDATE tag_links SET removed_at = ?, removed_by_kind = 'person', removed_by_id = NULL WHERE id = ? AND removed_at IS NULL");
    this.relink = sqlite.prepare(
      `UPDATE tag_links SET removed_at = NULL, removed_by_kind = NULL, removed_by_id = NULL
       WHERE id = ? AND removed_at IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM tag_links o WHERE o.tag_id = tag_links.tag_id AND o.target_kind = tag_links.target_kind AND o.target_id = tag_links.target_id AND o.removed_at IS NULL)`,
    );
    // OR IGNORE: a lead whose email or profile URL a live lead has taken since stays deleted rather than failing the undo.
    this.undelete = sqlite.prepare('UPDATE OR IGNORE leads SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at = ?');
    this.marking = sqlite.prepare('UPDATE bulk_operations SET undone_at = ?, updated_at = ? WHERE id = ? AND undone_at IS NULL');
  }

  /** Reverts the items after lead `afterLeadId`, up to `size`; returns the last lead id handled, or null when none was left. */
  undoBatch(id: number, kind: Exclude<BulkKind, 'export'>, afterLeadId: number, size: number): { lastLeadId: number | null; restored: number } {
    return this.sqlite.transaction(() => {
      const at = this.now();
      const items = this.items.all(id, afterLeadId, size);
      let restored = 0;
      for (const item of items) restored += this.revert(kind, item, at);
      return { lastLeadId: items.at(-1)?.lead_id ?? null, restored };
    })();
  }

  /** Reverts every item batch by batch, serving the API in between, then records that the operation was undone. */
  async undoAll(id: number, kind: Exclude<BulkKind, 'export'>, size = 1000): Promise<number> {
    let restored = 0;
    for (let after = 0; ; ) {
      const batch = this.undoBatch(id, kind, after, size);
      restored += batch.restored;
      if (batch.lastLeadId === null) break;
      after = batch.lastLeadId;
      await yieldToEventLoop();
    }
    const at = this.now();
    this.marking.run(at, at, id);
    return restored;
  }

  private revert(kind: Exclude<BulkKind, 'export'>, item: Item, at: number): number {
    switch (kind) {
      case 'add_tag':
        return item.tag_link_id === null ? 0 : this.unlink.run(at, item.tag_link_id).changes;
      case 'remove_tag':
        return item.tag_link_id === null ? 0 : this.relink.run(item.tag_link_id).changes;
      case 'delete':
        return item.deleted_at === null ? 0 : this.undelete.run(at, item.lead_id, item.deleted_at).changes;
    }
  }
}
