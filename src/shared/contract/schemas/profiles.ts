import { z } from 'zod';
import { id, isoTime } from './common';

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

/** A profile with its live state, as the Profiles screen shows it. */
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

/** Input naming one profile. */
export const profileRef = z.strictObject({ id });

/** A new profile of a catalogue type; settings override the type's defaults. */
export const profileCreate = z.strictObject({
  typeCode: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  settings: z.record(z.string(), z.unknown()).default({}),
});

/** One profile's live state. */
export type ProfileView = z.infer<typeof profileView>;
/** A profile state. */
export type ProfileState = z.infer<typeof profileState>;
/** A pause reason. */
export type PauseReason = z.infer<typeof pauseReason>;
