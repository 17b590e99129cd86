import { describe, expect, it } from 'vitest';
import { md5Crypt, md5CryptHash, md5CryptSalt } from './md5-crypt.js';

// Expected values printed by OpenSSL 3 (`openssl passwd -1 -salt <salt> <password>`), the command the Whatsminer API
// document gives as reference code, on the machine these tests were written on.
describe('md5Crypt', () => {
  it.each([
    ['password', 'saltstring', '$1$saltstri$qQY4WxjABChYG1ccLpfkz/'],
    ['password', '', '$1$$I2o9Z7NcvQAKp7wyCTlia0'],
    ['', 'abc', '$1$abc$Or2rbeUYTvt12aiVzMuS/.'],
    ['a-password-longer-than-sixteen-bytes-for-sure', '12345678', '$1$12345678$xtsExJEGYwMOqzpa6r2yf/'],
    ['admin', './xyZ09', '$1$./xyZ09$Z4GYl6kjIU.pR0FLRaDIa1'],
    ['pässwörd', 'Ab3.Cd/e', '$1$Ab3.Cd/e$Tmpv9O/VbIyInhEZS8QsS/'],
    ['x', 'saltstringlonger', '$1$saltstri$4yysRi9x7/n75C/JawK2C.'],
  ])('hashes %j with salt %j as openssl passwd -1 does', (password, salt, expected) => {
    expect(md5Crypt(password, salt)).toBe(expected);
  });

  it('reads a salt given in crypt form ("$1$salt$") the way pyasic passes it', () => {
    expect(md5CryptSalt('$1$BQ5hoXV9$')).toBe('BQ5hoXV9');
    expect(md5CryptHash('password', '$1$saltstring$')).toBe('qQY4WxjABChYG1ccLpfkz/');
  });

  it('derives the real Whatsminer password hash and token from the captured get_token salts', () => {
    // Token reply: time 6915, salt BQ5hoXV9, newsalt a5TtWui2 (fixtures/privileged.ts); password my-auth-password.
    const passwordHash = md5CryptHash('my-auth-password', 'BQ5hoXV9');
    expect(passwordHash).toBe('WssMFDgz6KlzbAfbu9Jph/');
    expect(md5CryptHash(`${passwordHash}6915`, 'a5TtWui2')).toBe('.8Wiv910uBxIJcqnY6BFC.');
  });
});
