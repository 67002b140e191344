/** Seals secrets for storage at rest; every sealed value is bound to a context (e.g. `profile:7:credentials`) so one row's secret cannot be replayed into another. */
export interface SecretBox {
  /** Names the scheme in use, for the log and for messages ("key file", "Electron safeStorage (gnome_libsecret)"). */
  readonly scheme: string;
  /** Set when the protection is weak (Electron safeStorage on Linux without a keyring); shown in the dashboard's System section. */
  readonly warning?: string;
  /** Encrypts `plain` into a versioned envelope bound to `context`. */
  seal(plain: Buffer, context: string): Buffer;
  /** Decrypts an envelope sealed with the same context; throws a SecretBoxError if it was tampered with, bound elsewhere or sealed by another key or scheme. */
  open(sealed: Buffer, context: string): Buffer;
}

/** Why a secret could not be sealed or opened; the message never contains the secret. */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

/** Seals a JSON value. */
export const sealJson = (box: SecretBox, value: unknown, context: string): Buffer => box.seal(Buffer.from(JSON.stringify(value), 'utf8'), context);

/** Opens a sealed JSON value (the caller validates its shape). */
export const openJson = (box: SecretBox, sealed: Buffer, context: string): unknown => JSON.parse(box.open(sealed, context).toString('utf8'));
