import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envelopeScheme } from '../../../src/main/secrets/envelope';
import { keyFilePath } from '../../../src/main/secrets/key-file';
import { aesGcmSecretBox, keyFileSecretBox } from '../../../src/main/secrets/key-file-secret-box';
import { openJson, sealJson, SecretBoxError } from '../../../src/main/secrets/secret-box';
import { tempDir } from '../../helpers/temp-dir';

const secret = Buffer.from('hunter2-Ünïcode-☃', 'utf8');

describe('the key-file secret box (AES-256-GCM)', () => {
  it('round-trips bytes and JSON, with a fresh IV each time and no plaintext in the envelope', () => {
    const box = aesGcmSecretBox(randomBytes(32));
    const a = box.seal(secret, 'profile:1:credentials');
    const b = box.seal(secret, 'profile:1:credentials');
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(envelopeScheme.keyFileAesGcm);
    expect(a.includes(secret)).toBe(false);
    expect(box.open(a, 'profile:1:credentials').equals(secret)).toBe(true);
    const json = { user: 'ada@example.com', password: 'p4ss' };
    expect(openJson(box, sealJson(box, json, 'ctx'), 'ctx')).toEqual(json);
  });

  it('detects tampering anywhere in the envelope', () => {
    const box = aesGcmSecretBox(randomBytes(32));
    const sealed = box.seal(secret, 'ctx');
    for (let i = 1; i < sealed.length; i += 1) {
      const bad = Buffer.from(sealed);
      bad[i] = (bad[i] ?? 0) ^ 0x01;
      expect(() => box.open(bad, 'ctx'), `byte ${i}`).toThrow(SecretBoxError);
    }
    expect(() => box.open(sealed.subarray(0, 20), 'ctx')).toThrow(/truncated/);
  });

  it('refuses a value bound to another record, sealed with another key, or by another scheme, saying which', () => {
    const box = aesGcmSecretBox(randomBytes(32));
    const sealed = box.seal(secret, 'profile:1:credentials');
    expect(() => box.open(sealed, 'profile:2:credentials')).toThrow(/integrity check/);
    expect(() => aesGcmSecretBox(randomBytes(32)).open(sealed, 'profile:1:credentials')).toThrow(/another key/);
    const desktop = Buffer.concat([Buffer.of(envelopeScheme.safeStorage), randomBytes(40)]);
    expect(() => box.open(desktop, 'ctx')).toThrow(/desktop edition's OS keychain/);
    expect(() => box.open(Buffer.of(9, 1, 2), 'ctx')).toThrow(/unknown envelope version 9/);
  });

  it('creates the key file owner-only once and reuses it on the next start', () => {
    const dir = tempDir();
    const sealed = keyFileSecretBox(dir).seal(secret, 'ctx');
    const path = keyFilePath(dir);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const before = readFileSync(path, 'utf8');
    expect(keyFileSecretBox(dir).open(sealed, 'ctx').equals(secret)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it.skipIf(process.platform === 'win32')('refuses a key file others can read, and says how to fix it', () => {
    const dir = tempDir();
    keyFileSecretBox(dir);
    const path = keyFilePath(dir);
    chmodSync(path, 0o644);
    expect(() => keyFileSecretBox(dir)).toThrow(`${path} has mode 644: other users could read or change the key`);
    expect(() => keyFileSecretBox(dir)).toThrow(`chmod 600 "${path}"`);
    chmodSync(path, 0o600);
    expect(() => keyFileSecretBox(dir)).not.toThrow();
  });

  it('refuses a file that is not an Outpost key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret.key'), JSON.stringify({ version: 1, algorithm: 'aes-256-gcm', key: randomBytes(16).toString('base64') }), { mode: 0o600 });
    expect(() => keyFileSecretBox(dir)).toThrow(/not an Outpost key file \(must be 32 bytes\)/);
  });
});
