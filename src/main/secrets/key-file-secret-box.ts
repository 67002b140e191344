import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { envelopeScheme, expectScheme } from './envelope';
import { keyFilePath, loadOrCreateKey } from './key-file';
import { SecretBoxError, type SecretBox } from './secret-box';

const KEY_ID = 4;
const IV = 12;
const TAG = 16;
const HEADER = 1 + KEY_ID;

/** AES-256-GCM with a given key; the header (scheme, key id) and the context are authenticated, not encrypted. */
export function aesGcmSecretBox(key: Buffer): SecretBox {
  const keyId = createHash('sha256').update(key).digest().subarray(0, KEY_ID);
  const aad = (header: Buffer, context: string) => Buffer.concat([header, Buffer.from(context, 'utf8')]);
  return {
    scheme: 'key file (AES-256-GCM)',
    seal(plain, context) {
      const header = Buffer.concat([Buffer.of(envelopeScheme.keyFileAesGcm), keyId]);
      const iv = randomBytes(IV);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(header, context));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
    },
    open(sealed, context) {
      expectScheme(sealed, envelopeScheme.keyFileAesGcm, HEADER + IV + TAG);
      const header = sealed.subarray(0, HEADER);
      if (!header.subarray(1).equals(keyId)) {
        throw new SecretBoxError("the secret was sealed with another key than this data folder's key file; enter it again");
      }
      const iv = sealed.subarray(HEADER, HEADER + IV);
      const tag = sealed.subarray(HEADER + IV, HEADER + IV + TAG);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(aad(header, context));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(sealed.subarray(HEADER + IV + TAG)), decipher.final()]);
      } catch {
        throw new SecretBoxError('the sealed secret failed its integrity check (altered, or copied from another record)');
      }
    },
  };
}

/** The browser edition's box: AES-256-GCM with the key in `<data>/secret.key` (created 0600; refused when others can read it). */
export const keyFileSecretBox = (dataDir: string): SecretBox => aesGcmSecretBox(loadOrCreateKey(keyFilePath(dataDir)));
