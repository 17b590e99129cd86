import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialStore } from './credential-store.js';
import { keyFileCipher } from './secret-cipher.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-secrets-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CredentialStore', () => {
  it('keeps secrets encrypted on disk and gives them back after a restart', () => {
    new CredentialStore(dir, keyFileCipher(dir)).set('127.0.1.10:4028', 'adminPassword', 'hunter2-admin');
    const onDisk = fs.readFileSync(path.join(dir, 'credentials.json'), 'utf8');
    expect(onDisk).not.toContain('hunter2-admin');
    const reopened = new CredentialStore(dir, keyFileCipher(dir));
    expect(reopened.secretFor('127.0.1.10:4028', 'whatsminer', 'adminPassword')).toBe('hunter2-admin');
  });

  it('keeps the key file readable by its owner only', () => {
    keyFileCipher(dir);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('prefers the rig own secret over its family default, and reports where each comes from', () => {
    const store = new CredentialStore(null, keyFileCipher(dir));
    store.set('family:whatsminer', 'adminPassword', 'family-pw');
    expect(store.secretFor('127.0.1.10:4028', 'whatsminer', 'adminPassword')).toBe('family-pw');
    expect(store.status('127.0.1.10:4028', 'whatsminer')).toEqual({ adminPassword: 'family', apiToken: null });
    store.set('127.0.1.10:4028', 'adminPassword', 'own-pw');
    expect(store.secretFor('127.0.1.10:4028', 'whatsminer', 'adminPassword')).toBe('own-pw');
    store.clear('127.0.1.10:4028', 'adminPassword');
    expect(store.status('127.0.1.10:4028', 'whatsminer').adminPassword).toBe('family');
  });

  it('cannot read secrets with another key: a copied credentials file alone is useless', () => {
    new CredentialStore(dir, keyFileCipher(dir)).set('r', 'apiToken', 'token-1');
    fs.rmSync(path.join(dir, 'secret.key'));
    expect(() => new CredentialStore(dir, keyFileCipher(dir)).secretFor('r', 'xmrig', 'apiToken')).toThrow(
      /could not be decrypted/,
    );
  });
});
