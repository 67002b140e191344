import { z } from 'zod';
import type { OpenCredentials } from '../supervisor/profile-rows';
import { openJson, sealJson, type SecretBox } from './secret-box';

const credentialMap = z.record(z.string(), z.string());

const context = (profileId: number): string => `profile:${profileId}:credentials`;

/** Seals a profile's credential fields for its `credentials` column; null when there are none. */
export const sealCredentials = (box: SecretBox, profileId: number, credentials: Record<string, string>): Buffer | null =>
  Object.keys(credentials).length === 0 ? null : sealJson(box, credentials, context(profileId));

/** Opens a profile's sealed credentials into memory ({} when none were stored). */
export function openCredentials(box: SecretBox, profileId: number, sealed: Buffer | null): Record<string, string> {
  if (sealed === null) return {};
  return credentialMap.parse(openJson(box, sealed, context(profileId)));
}

/** The supervisor's way to open credentials when it welcomes a worker. */
export const credentialOpener =
  (box: SecretBox): OpenCredentials =>
  (sealed, profileId) =>
    openCredentials(box, profileId, sealed);
