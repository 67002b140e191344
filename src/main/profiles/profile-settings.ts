import { z } from 'zod';
import type { FieldIssue } from '../../shared/contract/format-issues';

type Json = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Overlays `own` on `base`: objects merge key by key, anything else (arrays included) replaces. */
export function mergeSettings(base: Json, own: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(own)) {
    const under = out[key];
    out[key] = isPlainObject(under) && isPlainObject(value) ? mergeSettings(under, value) : value;
  }
  return out;
}

/** A profile's settings in force: its own settings over its type's `defaults.settings`. */
export const effectiveSettings = (typeDefaults: unknown, own: unknown): Json =>
  mergeSettings(isPlainObject(typeDefaults) && isPlainObject(typeDefaults.settings) ? typeDefaults.settings : {}, isPlainObject(own) ? own : {});

const required = (what: string) => ({ error: (issue: { input: unknown }) => (issue.input == null ? `required: ${what}` : `expected ${what}`) });

const hostName = z
  .string(required('a host name'))
  .trim()
  .min(1, 'required: a host name')
  .max(253)
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[?[0-9a-f:.]+\]?)$/i, 'expected a host name such as mail.example.com');

const server = z.looseObject({
  host: hostName,
  port: z.number(required('a port number')).int().min(1, 'expected a port from 1 to 65535').max(65535, 'expected a port from 1 to 65535'),
  security: z.enum(['tls', 'starttls', 'none'], { error: 'expected tls, starttls or none' }),
});

const folder = z.string(required('a folder name')).trim().min(1, 'required: a folder name').max(200);

/** What each access class needs in its settings; other keys pass through for the channel. */
const settingsByAccess = {
  mta: z.looseObject({
    smtp: server,
    imap: server,
    folders: z.looseObject({ inbox: folder, spam: z.array(folder).max(20), sent: folder }),
    /** `<public origin>/u` of the one-click unsubscribe endpoint; a bad one would fail every send. */
    publicUnsubscribeUrl: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL ending in /u' }).nullable().optional(),
  }),
  api: z.looseObject({
    baseUrl: z.url({ protocol: /^https?$/, error: (issue) => (issue.input == null ? 'required: the API address' : 'expected an http:// or https:// URL') }),
  }),
  rpa: z.looseObject({}),
  basic: z.looseObject({}),
} as const;

/** Problems with a profile's settings in force, for its access class, named `settings.<path>`. */
export function settingsIssues(access: keyof typeof settingsByAccess, settings: Json): FieldIssue[] {
  const parsed = settingsByAccess[access].safeParse(settings);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: ['settings', ...i.path.map(String)].join('.'), message: i.message }));
}
