import { methods, type MethodName } from '../../shared/contract/methods';
import { ApiError } from '../api/api-error';
import type { Handlers } from '../api/handler-types';
import type { IntegrityResult } from './verify-backup';

// What still works on a corrupt database: reading, and choosing a backup to restore.
const allowedWhenCorrupt = new Set<MethodName>(['backups.restore', 'backups.settings.set']);

/** When the startup integrity check failed, every mutating method answers 503 naming the problem and pointing at restore. */
export function guardCorruptDatabase(handlers: Handlers, integrity: IntegrityResult): Handlers {
  if (integrity.ok) return handlers;
  const guarded: Record<string, unknown> = { ...handlers };
  for (const name of Object.keys(methods) as MethodName[]) {
    if (methods[name].http === 'GET' || allowedWhenCorrupt.has(name)) continue;
    guarded[name] = async () => {
      throw new ApiError(
        'unavailable',
        `the database failed its integrity check (${integrity.problems.slice(0, 3).join('; ')}); changes are refused: restore a backup (backups.list, backups.restore)`,
      );
    };
  }
  return guarded as unknown as Handlers;
}
