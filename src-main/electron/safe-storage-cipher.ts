// Secrets at rest on the desktop: Electron's safeStorage, backed by the OS keychain (Keychain, DPAPI, libsecret).
import { safeStorage } from 'electron';
import type { SecretCipher } from '../core/credentials/secret-cipher.js';

/** Null where the OS offers no keychain (a bare Linux session): the engine then falls back to its key file. */
export function safeStorageCipher(): SecretCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
