import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesGcmSecretBox } from '../../../src/main/secrets/key-file-secret-box';
import { credentialOpener, openCredentials, sealCredentials } from '../../../src/main/secrets/profile-credentials';

describe('profile credentials at rest', () => {
  const box = aesGcmSecretBox(randomBytes(32));

  it('seals a profile credentials bound to its id and stores nothing when there are none', () => {
    const sealed = sealCredentials(box, 7, { user: 'ada', password: 'pw' });
    expect(sealed).not.toBeNull();
    expect(credentialOpener(box)(sealed, 7)).toEqual({ user: 'ada', password: 'pw' });
    expect(() => openCredentials(box, 8, sealed)).toThrow(/integrity check/);
    expect(sealCredentials(box, 7, {})).toBeNull();
    expect(openCredentials(box, 7, null)).toEqual({});
  });
});
