import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id } from '../schemas/common';
import { lead } from '../schemas/leads';

/** One lead or company: detail, provenance, manual edits. */
export const leadRecordMethods = {
  'leads.get': defineMethod({ http: 'GET', path: '/leads/:id', summary: 'One lead', input: z.strictObject({ id }), output: lead }),
} as const;
