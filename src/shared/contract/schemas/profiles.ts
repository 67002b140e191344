import { z } from 'zod';
import { access } from './catalogue';
import { id, isoTime } from './common';
import { policyOverrides, quotaOverrides } from './quota-policy';

/** A profile's lifecycle: what its worker is doing, or why it is not running. */
export const profileState = z.enum(['idle', 'starting', 'online', 'working', 'stopping', 'paused', 'failed']);

/** Why a profile is paused: by the operator, or by itself when its channel pushed back. */
export const pauseReason = z.enum(['operator', 'captcha', 'login_wall', 'warning_page', 'auth_failed', 'failure_cap']);

/** The live worker behind a running profile. */
export const workerInfo = z.object({
  pid: z.number().int().nullable(),
  rssBytes: z.number().int().nullable(),
  lastHeartbeatAt: isoTime.nullable(),
  restarts: z.number().int().nonnegative(),
});

/** A profile with its live state, as the profiles.state event carries it. */
export const profileView = z.object({
  id,
  name: z.string(),
  typeCode: z.string(),
  active: z.boolean(),
  state: profileState,
  stateDetail: z.string().nullable(),
  pauseReason: pauseReason.nullable(),
  stateChangedAt: isoTime.nullable(),
  worker: workerInfo.nullable(),
});

/** A credential field of the profile's type and whether a value is stored; the value itself never leaves the main process. */
export const credentialField = z.object({ name: z.string(), set: z.boolean() });

/** A profile as the Profiles screen shows and edits it: live state plus its own settings, overrides, tag and credential status. */
export const profileRecord = profileView.extend({
  access,
  /** The profile's own settings, over the type's defaults (no secrets: those are in credentials). */
  settings: z.record(z.string(), z.unknown()),
  quotas: z.record(z.string(), z.unknown()),
  policy: z.record(z.string(), z.unknown()),
  credentials: z.array(credentialField),
  tag: z.object({ id, name: z.string(), color: z.string() }).nullable(),
  /** The newest failed work item of this profile. */
  lastError: z.object({ text: z.string(), at: isoTime }).nullable(),
  /** When the site paused the profile: the screenshot and HTML of the page that did (links to /api/v1/snapshots/<name>). */
  pauseSnapshot: z.object({ screenshot: z.string().nullable(), html: z.string().nullable() }).nullable(),
  createdAt: isoTime,
});

/** Input naming one profile. */
export const profileRef = z.strictObject({ id });

const settingsObject = z.record(z.string(), z.unknown());

/** Credential values by field name (the type's `defaults.credentials` lists the fields). */
export const credentialValues = z.record(z.string(), z.string().max(10_000));

/** A new profile of a catalogue type; settings override the type's defaults; every credential field of the type is required. */
export const profileCreate = z.strictObject({
  typeCode: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  settings: settingsObject.default({}),
  credentials: credentialValues.default({}),
  quotas: quotaOverrides.default({}),
  policy: policyOverrides.default({}),
  tagId: id.nullable().default(null),
});

/** Changes to a profile: fields not given keep their value; credentials given replace those fields only; settings, quotas and policy given replace the profile's own ones. */
export const profileUpdate = z.strictObject({
  id,
  name: z.string().trim().min(1).max(200).optional(),
  settings: settingsObject.optional(),
  credentials: credentialValues.optional(),
  quotas: quotaOverrides.optional(),
  policy: policyOverrides.optional(),
  tagId: id.nullable().optional(),
});

/** One profile's live state. */
export type ProfileView = z.infer<typeof profileView>;
/** A profile as the Profiles screen edits it. */
export type ProfileRecord = z.infer<typeof profileRecord>;
/** A profile state. */
export type ProfileState = z.infer<typeof profileState>;
/** A pause reason. */
export type PauseReason = z.infer<typeof pauseReason>;
