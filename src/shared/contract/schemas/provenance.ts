import { z } from 'zod';
import { id, isoTime } from './common';
import { sourceKind } from './tags';

/** Who last set one field, when, and a label for people (an import's file name, "manual edit"). */
export const provenanceEntry = z.object({ sourceKind, sourceId: id.nullable(), setAt: isoTime, label: z.string().nullable() });

/** Field provenance. */
export type ProvenanceEntry = z.infer<typeof provenanceEntry>;

/** A field value in history: text, number or nothing. */
const historyValue = z.union([z.string(), z.number(), z.boolean()]).nullable();

/** One journaled change to a lead or company, newest first in a record's history. */
export const historyEntry = z.object({
  /** The journal entry id: pass it to `journal.undo`. */
  id,
  /** insert, update, merge; an update that only deleted or restored the record shows as delete / restore. */
  action: z.enum(['insert', 'update', 'merge', 'delete', 'restore']),
  at: isoTime,
  /** The import that made it (null for manual edits and other sources), with its file name. */
  importId: id.nullable(),
  label: z.string(),
  /** For a merge: the record folded into this one. */
  mergedId: id.nullable(),
  /** Changed fields (API names, custom values as `custom:<fieldId>`), before → after; an insert has before null. */
  changes: z.array(z.object({ field: z.string(), before: historyValue, after: historyValue })),
  undone: z.boolean(),
  undoneAt: isoTime.nullable(),
  canUndo: z.boolean(),
  /** Why `canUndo` is false (already undone, or a newer change to the same fields). */
  cannotUndoReason: z.string().nullable(),
});

/** History entry. */
export type HistoryEntry = z.infer<typeof historyEntry>;
