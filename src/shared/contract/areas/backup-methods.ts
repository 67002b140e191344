import { defineMethod } from '../define-method';
import { backupEntry, backupList, backupSettingsPatch, backupSettingsView, restoreInput, restoreResult } from '../schemas/backups';
import { noInput } from '../schemas/common';

/** Online backups of the database file, their settings, and restore. */
export const backupMethods = {
  'backups.list': defineMethod({ http: 'GET', path: '/backups', summary: 'Verified backups, newest first, and the database health', input: noInput, output: backupList }),
  'backups.create': defineMethod({ http: 'POST', path: '/backups', summary: 'Back up the database now (verified before it is listed)', input: noInput, output: backupEntry }),
  'backups.restore': defineMethod({
    http: 'POST',
    path: '/backups/restore',
    summary: 'Restore a listed backup at the next start, after backing up the current file',
    input: restoreInput,
    output: restoreResult,
  }),
  'backups.settings.get': defineMethod({ http: 'GET', path: '/backups/settings', summary: 'Backup folder and interval', input: noInput, output: backupSettingsView }),
  'backups.settings.set': defineMethod({
    http: 'POST',
    path: '/backups/settings',
    summary: 'Change the backup folder or interval',
    input: backupSettingsPatch,
    output: backupSettingsView,
  }),
} as const;
