import { defineMethod } from '../define-method';
import { noInput } from '../schemas/common';
import { health, systemInfo } from '../schemas/system';

/** Liveness and facts about the running instance. */
export const systemMethods = {
  'system.health': defineMethod({
    http: 'GET',
    path: '/health',
    summary: 'Liveness probe',
    input: noInput,
    output: health,
    public: true,
  }),
  'system.info': defineMethod({ http: 'GET', path: '/system', summary: 'Edition, version and data folder', input: noInput, output: systemInfo }),
} as const;
