import { SecretBoxError } from './secret-box';

/** The first byte of every sealed value names the scheme that sealed it, so the scheme can change while old values stay readable or are refused clearly. */
export const envelopeScheme = {
  /** AES-256-GCM with the data folder's key file: [1][key id 4][iv 12][tag 16][ciphertext]. */
  keyFileAesGcm: 1,
  /** Electron safeStorage: [2][safeStorage ciphertext of {c: context, d: base64 plaintext}]. */
  safeStorage: 2,
} as const;

const schemeNames: Record<number, string> = {
  [envelopeScheme.keyFileAesGcm]: "the browser edition's key file",
  [envelopeScheme.safeStorage]: "the desktop edition's OS keychain (Electron safeStorage)",
};

/** Checks that `sealed` is an envelope of `expected`, naming what sealed it otherwise. */
export function expectScheme(sealed: Buffer, expected: number, minLength: number): void {
  const scheme = sealed[0];
  if (scheme === undefined) throw new SecretBoxError('the sealed value is empty');
  if (scheme !== expected) {
    const by = schemeNames[scheme];
    throw new SecretBoxError(
      by
        ? `the secret was sealed by ${by}, which this edition cannot open; enter it again here`
        : `the sealed value has an unknown envelope version ${scheme} (written by a newer Outpost?)`,
    );
  }
  if (sealed.length < minLength) throw new SecretBoxError('the sealed value is truncated');
}
