import { safeStorage } from 'electron';
import type { Logger } from 'pino';
import { keychainSecretBox } from '../secrets/keychain-secret-box';
import type { SecretBox } from '../secrets/secret-box';

/** The desktop's box: Electron safeStorage (warns in the log when Linux offers only the weak basic_text store). Call after the app is ready. */
export const safeStorageSecretBox = (logger: Logger): SecretBox => keychainSecretBox(safeStorage, logger);
