import { defineMethod } from '../define-method';
import { noInput } from '../schemas/common';
import { updateState } from '../schemas/updates';

/** Desktop self-update: state, check, download and restart to install (the browser edition answers `unsupported`). */
export const updateMethods = {
  'update.get': defineMethod({ http: 'GET', path: '/update', summary: 'The updater state: status, versions, download progress', input: noInput, output: updateState }),
  'update.check': defineMethod({ http: 'POST', path: '/update/check', summary: 'Look for a newer version on the update feed now', input: noInput, output: updateState }),
  'update.download': defineMethod({ http: 'POST', path: '/update/download', summary: 'Download the available version', input: noInput, output: updateState }),
  'update.install': defineMethod({
    http: 'POST',
    path: '/update/install',
    summary: 'Restart to update: back up the database, stop workers, close the store, then install and relaunch',
    input: noInput,
    output: updateState,
  }),
} as const;
