import { z } from 'zod';
import { defineMethod } from './define-method';
import { apiKeyInfo, issuedApiKey } from './schemas/api-key';
import { catalogue } from './schemas/catalogue';
import { importCreateInput, importPreview, importPreviewInput, importRow, importSummary } from './schemas/imports';
import { id, noInput } from './schemas/common';
import { lead, leadsListInput, leadsPage } from './schemas/leads';
import { settings, settingsPatch } from './schemas/settings';
import { health, systemInfo } from './schemas/system';

/** The whole API: each name maps to its input, output and REST route. REST, IPC, OpenAPI and the client all derive from it. */
export const methods = {
  'system.health': defineMethod({
    http: 'GET',
    path: '/health',
    summary: 'Liveness probe',
    input: noInput,
    output: health,
    public: true,
  }),
  'system.info': defineMethod({ http: 'GET', path: '/system', summary: 'Edition, version and data folder', input: noInput, output: systemInfo }),
  'leads.list': defineMethod({ http: 'GET', path: '/leads', summary: 'Page through leads, newest first', input: leadsListInput, output: leadsPage }),
  'leads.get': defineMethod({ http: 'GET', path: '/leads/:id', summary: 'One lead', input: z.strictObject({ id }), output: lead }),
  'imports.preview': defineMethod({
    http: 'POST',
    path: '/imports/preview',
    summary: 'Detect the format of a file sample, parse its first rows and suggest a column mapping',
    input: importPreviewInput,
    output: importPreview,
  }),
  'imports.create': defineMethod({
    http: 'POST',
    path: '/imports',
    summary: 'Start importing a file (base64) with a column mapping; progress arrives as imports.progress events',
    input: importCreateInput,
    output: importSummary,
    maxBodyBytes: 64 * 1024 * 1024,
  }),
  'imports.list': defineMethod({ http: 'GET', path: '/imports', summary: 'Imports, newest first', input: noInput, output: z.object({ items: z.array(importSummary) }) }),
  'imports.rows': defineMethod({
    http: 'GET',
    path: '/imports/:id/rows',
    summary: 'Rows of an import by outcome, in file order',
    input: z.strictObject({ id, outcome: z.enum(['rejected', 'duplicate', 'inserted', 'merged', 'pending']).default('rejected'), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ items: z.array(importRow) }),
  }),
  'imports.undo': defineMethod({
    http: 'POST',
    path: '/imports/:id/undo',
    summary: 'Undo an import: restore what it changed and remove what it created',
    input: z.strictObject({ id }),
    output: importSummary,
  }),
  'catalogue.list': defineMethod({
    http: 'GET',
    path: '/catalogue',
    summary: 'Supported channels and profile types with their defaults',
    input: noInput,
    output: catalogue,
  }),
  'settings.get': defineMethod({ http: 'GET', path: '/settings', summary: 'Operator settings', input: noInput, output: settings }),
  'settings.update': defineMethod({
    http: 'POST',
    path: '/settings',
    summary: 'Change some settings; fields not given keep their value',
    input: settingsPatch,
    output: settings,
  }),
  'apiKey.describe': defineMethod({ http: 'GET', path: '/api-key', summary: 'The active API key (prefix only)', input: noInput, output: apiKeyInfo }),
  'apiKey.rotate': defineMethod({
    http: 'POST',
    path: '/api-key/rotate',
    summary: 'Revoke the API key and issue a new one, returned once',
    input: noInput,
    output: issuedApiKey,
  }),
} as const;

/** The contract's method names. */
export type MethodName = keyof typeof methods;

/** What a caller passes to a method (before defaults are applied). */
export type MethodInput<K extends MethodName> = z.input<(typeof methods)[K]['input']>;

/** What a handler receives after validation and defaults. */
export type ParsedInput<K extends MethodName> = z.output<(typeof methods)[K]['input']>;

/** What a method returns. */
export type MethodOutput<K extends MethodName> = z.output<(typeof methods)[K]['output']>;

/** True for names that exist in the contract; IPC and the preload use it to refuse anything else. */
export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(methods, name);
