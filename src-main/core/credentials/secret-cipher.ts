// Encryption of secrets at rest. Desktop: Electron's safeStorage (the OS keychain), passed in by the shell. Headless:
// AES-256-GCM with a random key in a 0600 key file beside the data, so a copied credentials file alone is useless.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RigwiseError } from '../../../src-shared/api/errors.js';

export interface SecretCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function aesGcmCipher(key: Buffer): SecretCipher {
  if (key.length !== KEY_BYTES) throw new Error('the secret key must be 32 bytes');
  return {
    encrypt: (plain) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt: (sealed) => {
      const bytes = Buffer.from(sealed, 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new RigwiseError('INTERNAL', 'A stored secret is damaged.');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new RigwiseError('INTERNAL', 'A stored secret could not be decrypted (wrong key file?); enter it again.');
      }
    },
  };
}

/** The headless key: created on first use with mode 0600, and its mode re-tightened if someone loosened it. */
export function keyFileCipher(dataDir: string): SecretCipher {
  const keyPath = path.join(dataDir, 'secret.key');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(keyPath)) {
    fs.writeFileSync(keyPath, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
  }
  fs.chmodSync(keyPath, 0o600);
  return aesGcmCipher(fs.readFileSync(keyPath));
}

/** Tests and in-memory engines: a key that lives as long as the process. */
export function ephemeralCipher(): SecretCipher {
  return aesGcmCipher(randomBytes(KEY_BYTES));
}
