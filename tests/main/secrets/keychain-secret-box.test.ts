import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { envelopeScheme } from '../../../src/main/secrets/envelope';
import { keychainSecretBox, type Keychain } from '../../../src/main/secrets/keychain-secret-box';
import { aesGcmSecretBox } from '../../../src/main/secrets/key-file-secret-box';

/** A stand-in for safeStorage: reversible, and visibly not the plaintext. */
const fakeKeychain = (backend = 'gnome_libsecret', available = true): Keychain => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (bytes) => Buffer.from(bytes.map((b) => b ^ 0x5a)).toString('utf8'),
});

const capture = () => {
  const lines: { level: number; msg: string; backend?: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
};

describe('the OS keychain secret box (Electron safeStorage)', () => {
  it('round-trips, binds the context and names its backend', () => {
    const { logger, lines } = capture();
    const box = keychainSecretBox(fakeKeychain(), logger, 'linux');
    const sealed = box.seal(Buffer.from('pw'), 'profile:1:credentials');
    expect(sealed[0]).toBe(envelopeScheme.safeStorage);
    expect(box.open(sealed, 'profile:1:credentials').toString()).toBe('pw');
    expect(() => box.open(sealed, 'profile:2:credentials')).toThrow('the sealed secret belongs to another record');
    expect(() => box.open(Buffer.concat([sealed.subarray(0, 1), Buffer.from('garbage')]), 'x')).toThrow(/could not open/);
    expect(box.scheme).toBe('Electron safeStorage (gnome_libsecret)');
    expect(lines).toEqual([]);
  });

  it('warns when Linux has only the basic_text store, and not elsewhere', () => {
    const linux = capture();
    keychainSecretBox(fakeKeychain('basic_text'), linux.logger, 'linux');
    expect(linux.lines).toMatchObject([{ level: 40, backend: 'basic_text', msg: expect.stringContaining('protects them only weakly') }]);
    const mac = capture();
    keychainSecretBox(fakeKeychain('basic_text'), mac.logger, 'darwin');
    expect(mac.lines).toEqual([]);
  });

  it('refuses to start without a keychain, and refuses values sealed by the key file', () => {
    expect(() => keychainSecretBox(fakeKeychain('x', false), capture().logger)).toThrow(/not available/);
    const box = keychainSecretBox(fakeKeychain(), capture().logger, 'darwin');
    const byKeyFile = aesGcmSecretBox(Buffer.alloc(32, 1)).seal(Buffer.from('pw'), 'ctx');
    expect(() => box.open(byKeyFile, 'ctx')).toThrow("the secret was sealed by the browser edition's key file");
  });
});
