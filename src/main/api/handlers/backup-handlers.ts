import type { backupMethods } from '../../../shared/contract/areas/backup-methods';
import type { BackupSettings } from '../../../shared/contract/schemas/backups';
import { toIso } from '../../../shared/iso-time';
import type { BackupFile } from '../../backup/backup-folder';
import { BackupVerifyError } from '../../backup/backup-folder';
import { BackupCorruptError, BackupNotFoundError, type Backups } from '../../backup/backups';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

const entry = (b: BackupFile) => ({ id: b.id, reason: b.reason, createdAt: toIso(b.at), bytes: b.bytes });
const view = (backups: Backups, value: BackupSettings) => ({ ...value, effectiveFolder: backups.folder() });

/** Backups: list, back up now, restore at the next start, and the folder and interval settings. */
export const backupHandlers = (s: Services): Pick<Handlers, keyof typeof backupMethods> => ({
  'backups.list': async () => ({
    folder: s.backups.folder(),
    backups: s.backups.list().map(entry),
    databaseOk: s.backups.integrity.ok,
    problems: [...s.backups.integrity.problems],
    restorePending: s.backups.restorePending(),
  }),
  'backups.create': async () => {
    try {
      const taken = await s.backups.create('manual');
      s.backups.prune();
      return entry(taken);
    } catch (error) {
      if (error instanceof BackupVerifyError) throw new ApiError('conflict', error.message);
      throw error;
    }
  },
  'backups.restore': async ({ id }) => {
    try {
      const done = await s.backups.requestRestore(id);
      return { ...done, message: `restore of ${done.restorePending} pending: restart Outpost to apply it` };
    } catch (error) {
      if (error instanceof BackupNotFoundError) throw new ApiError('not_found', error.message);
      if (error instanceof BackupCorruptError) throw new ApiError('conflict', error.message);
      throw error;
    }
  },
  'backups.settings.get': async () => view(s.backups, s.backups.settings()),
  'backups.settings.set': async (patch) => {
    try {
      return view(s.backups, s.backups.updateSettings(patch));
    } catch (error) {
      const message = `folder: cannot create ${patch.folder ?? ''}: ${error instanceof Error ? error.message : String(error)}`;
      throw new ApiError('bad_request', message, [{ path: 'folder', message }]);
    }
  },
});
