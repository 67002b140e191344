import type { Logger } from 'pino';
import { z } from 'zod';
import { envelopeScheme, expectScheme } from './envelope';
import { SecretBoxError, type SecretBox } from './secret-box';

/** The part of Electron's safeStorage the box uses (a seam, so the logic is tested without Electron). */
export interface Keychain {
  isEncryptionAvailable(): boolean;
  /** Linux only: which password store backs the encryption key. */
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const inner = z.strictObject({ c: z.string(), d: z.base64() });

/**
 * Seals with the OS keychain (Keychain, DPAPI, libsecret/kwallet through Electron safeStorage). safeStorage has no
 * associated data, so the context travels inside the ciphertext and is checked on open. Synchronous because the
 * supervisor builds a worker's welcome in one turn of the event loop.
 */
export function keychainSecretBox(keychain: Keychain, logger: Logger, platform: NodeJS.Platform = process.platform): SecretBox {
  if (!keychain.isEncryptionAvailable()) throw new SecretBoxError('the OS keychain (Electron safeStorage) is not available; credentials cannot be stored safely');
  const backend = platform === 'linux' ? keychain.getSelectedStorageBackend() : undefined;
  const warning =
    backend === 'basic_text'
      ? 'No OS keyring found (GNOME Keyring/libsecret or KWallet): credentials are encrypted with a key built into Electron, which protects them only weakly. Install and unlock a keyring, then restart Outpost.'
      : undefined;
  if (warning) logger.warn({ backend }, warning);
  return {
    scheme: `Electron safeStorage${backend ? ` (${backend})` : ''}`,
    ...(warning ? { warning } : {}),
    seal(plain, context) {
      const body = keychain.encryptString(JSON.stringify({ c: context, d: plain.toString('base64') }));
      return Buffer.concat([Buffer.of(envelopeScheme.safeStorage), body]);
    },
    open(sealed, context) {
      expectScheme(sealed, envelopeScheme.safeStorage, 2);
      let opened: z.infer<typeof inner>;
      try {
        opened = inner.parse(JSON.parse(keychain.decryptString(sealed.subarray(1))));
      } catch {
        throw new SecretBoxError('the OS keychain could not open the sealed secret (altered, or sealed by another user or machine)');
      }
      if (opened.c !== context) throw new SecretBoxError('the sealed secret belongs to another record');
      return Buffer.from(opened.d, 'base64');
    },
  };
}
