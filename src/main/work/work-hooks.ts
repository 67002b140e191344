import type { Database } from 'better-sqlite3';
import type { WorkKind } from '../../shared/work-kind';
import type { WorkOutcome } from '../../shared/worker-protocol/messages';
import type { EventBus } from '../event-bus';

/** What a hook knows about the item it runs for; it runs inside the engine's transaction. */
export interface HookContext {
  readonly sqlite: Database;
  readonly now: number;
  readonly kind: WorkKind;
  readonly recordId: number;
  readonly profileId: number;
  readonly typeCode: string;
  readonly bus: EventBus;
}

/** Refuses an item by policy when it is claimed (e.g. the recipient is suppressed): it ends aborted with this reason. */
export interface PayloadAbort {
  readonly abort: string;
}

/**
 * Builds or extends an item's params when it is claimed (inside the claim transaction). Return
 * `{ abort: 'reason' }` to abort the item by policy instead (e.g. the recipient is suppressed).
 */
export type PayloadBuilder = (ctx: HookContext, params: Record<string, unknown>) => Record<string, unknown> | PayloadAbort;

/** Applies an outcome to the store inside the same transaction that finishes the item; a throw rolls the whole finish back. */
export type OutcomeApplier = (ctx: HookContext, outcome: WorkOutcome) => void;

/** True when a payload builder refused the item. */
export const isAbort = (built: Record<string, unknown> | PayloadAbort): built is PayloadAbort =>
  typeof (built as PayloadAbort).abort === 'string' && Object.keys(built).length === 1;
