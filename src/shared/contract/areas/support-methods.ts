import { defineMethod } from '../define-method';
import { noInput } from '../schemas/common';
import { supportBundle } from '../schemas/support';

/** Support: a zip of recent logs and the app's state, without secrets, to send with a problem report. */
export const supportMethods = {
  'support.bundle': defineMethod({
    http: 'POST',
    path: '/support/bundle',
    summary: 'Write a support bundle (recent logs, versions, migrations, table counts, settings and profiles without secrets, monitoring) to the exports folder',
    input: noInput,
    output: supportBundle,
  }),
} as const;
