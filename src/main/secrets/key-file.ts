import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SecretBoxError } from './secret-box';

/** The key file's name inside the data folder. */
export const KEY_FILE_NAME = 'secret.key';

const KEY_BYTES = 32;

const keyFileContent = z.strictObject({
  version: z.literal(1),
  algorithm: z.literal('aes-256-gcm'),
  key: z.base64().refine((k) => Buffer.from(k, 'base64').length === KEY_BYTES, `must be ${KEY_BYTES} bytes`),
});

/** The key file of a data folder. */
export const keyFilePath = (dataDir: string): string => join(dataDir, KEY_FILE_NAME);

/**
 * Refuses a key file another user could read or replace. POSIX only: on Windows the mode bits do not
 * describe the ACL, and the data folder under the user's profile is private by default.
 */
export function checkKeyFilePermissions(path: string, platform: NodeJS.Platform = process.platform): void {
  const st = lstatSync(path);
  if (!st.isFile()) throw new SecretBoxError(`${path} is not a regular file; Outpost refuses to use it as its secret key`);
  if (platform === 'win32') return;
  const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
  if ((st.mode & 0o077) !== 0) {
    throw new SecretBoxError(
      `${path} has mode ${mode}: other users could read or change the key that protects your credentials, so Outpost refuses to use it. Run: chmod 600 "${path}"`,
    );
  }
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new SecretBoxError(`${path} belongs to user ${st.uid}, not to the user running Outpost (${uid}); Outpost refuses to use it`);
  }
}

function create(path: string): Buffer | undefined {
  const key = randomBytes(KEY_BYTES);
  let fd: number;
  try {
    // 'wx': never overwrite a key that exists (that would orphan every sealed secret).
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify({ version: 1, algorithm: 'aes-256-gcm', key: key.toString('base64') })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return key;
}

/** The data folder's 32-byte key: read (after the permission check) or created owner-only on first use. */
export function loadOrCreateKey(path: string): Buffer {
  const created = create(path);
  if (created) return created;
  checkKeyFilePermissions(path);
  const parsed = keyFileContent.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new SecretBoxError(`${path} is not an Outpost key file (${parsed.error.issues[0]?.message ?? 'unreadable'})`);
  return Buffer.from(parsed.data.key, 'base64');
}
