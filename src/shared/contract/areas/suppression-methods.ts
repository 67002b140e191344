import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id } from '../schemas/common';
import {
  lawfulBasis,
  lawfulBasisInput,
  suppressionAddInput,
  suppressionImportInput,
  suppressionImportOutput,
  suppressionItem,
  suppressionRemoveInput,
  suppressionsListInput,
} from '../schemas/suppressions';

/** The one suppression list of every channel. */
export const suppressionMethods = {
  'suppressions.list': defineMethod({
    http: 'GET',
    path: '/suppressions',
    summary: 'Suppression entries newest first (live ones unless status says removed), searchable by part of the value',
    input: suppressionsListInput,
    output: z.object({ items: z.array(suppressionItem) }),
  }),
  'suppressions.add': defineMethod({
    http: 'POST',
    path: '/suppressions',
    summary: 'Suppress an email, domain, LinkedIn or Facebook URL; honoured at once (sequences stop, unsent messages abort)',
    input: suppressionAddInput,
    output: z.object({ item: suppressionItem, added: z.boolean() }),
  }),
  'suppressions.remove': defineMethod({
    http: 'POST',
    path: '/suppressions/:id/remove',
    summary: 'Take an entry off the list with a reason (kept in the history)',
    input: suppressionRemoveInput,
    output: suppressionItem,
  }),
  'suppressions.import': defineMethod({
    http: 'POST',
    path: '/suppressions/import',
    summary: 'Import a pasted or CSV list, one address per line; bad lines are reported by number',
    input: suppressionImportInput,
    output: suppressionImportOutput,
    maxBodyBytes: 6 * 1024 * 1024,
  }),
  'compliance.lawfulBasis': defineMethod({
    http: 'GET',
    path: '/leads/:leadId/lawful-basis',
    summary: "A lead's lawful-basis note for contacting it (EU contacts)",
    input: z.strictObject({ leadId: id }),
    output: lawfulBasis,
  }),
  'compliance.setLawfulBasis': defineMethod({
    http: 'POST',
    path: '/leads/:leadId/lawful-basis',
    summary: "Set or clear a lead's lawful-basis note",
    input: lawfulBasisInput,
    output: lawfulBasis,
  }),
} as const;
