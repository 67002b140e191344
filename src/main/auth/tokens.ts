import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe secret with a readable prefix (`op_…` keys, `ops_…` sessions). */
export const newToken = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** What the store keeps instead of a secret: tokens are 256-bit random, so a plain SHA-256 suffices. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
