import { defineMethod } from '../define-method';
import { catalogue } from '../schemas/catalogue';
import { noInput } from '../schemas/common';

/** What channels and profile types this build supports. */
export const catalogueMethods = {
  'catalogue.list': defineMethod({
    http: 'GET',
    path: '/catalogue',
    summary: 'Supported channels and profile types with their defaults',
    input: noInput,
    output: catalogue,
  }),
} as const;
