// md5-crypt, the "$1$" password hash of FreeBSD/glibc (Poul-Henning Kamp, 1994), which Whatsminer's privileged API
// builds its keys from: the API doc's reference code is `openssl passwd -1 -salt $salt "$password"` and pyasic uses
// passlib's md5_crypt (PROTOCOLS.md A4 "Privileged-command encryption"; pyasic/rpc/btminer.py::_crypt). Node has MD5
// but no crypt(3), so the algorithm is written out here, step for step as in the FreeBSD original (crypt-md5.c).
// Checked against `openssl passwd -1` vectors and the real Whatsminer token exchange (md5-crypt.test.ts).
import { createHash, type Hash } from 'node:crypto';

const MAGIC = '$1$';
/** crypt(3)'s base-64 alphabet: not RFC 4648 ("./" first, then digits, upper, lower). */
const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** md5-crypt reads at most 8 salt characters and stops at the first '$'. */
const MAX_SALT_CHARS = 8;
const ROUNDS = 1000;

/** "$1$BQ5hoXV9$" or "BQ5hoXV9" -> "BQ5hoXV9": the salt as crypt() would use it. */
export function md5CryptSalt(salt: string): string {
  const bare = salt.startsWith(MAGIC) ? salt.slice(MAGIC.length) : salt;
  const end = bare.indexOf('$');
  return (end === -1 ? bare : bare.slice(0, end)).slice(0, MAX_SALT_CHARS);
}

function md5(): Hash {
  return createHash('md5');
}

/** Three digest bytes as four crypt base-64 characters, least significant six bits first. */
function to64(value: number, characters: number): string {
  let text = '';
  let rest = value;
  for (let index = 0; index < characters; index += 1) {
    text += ITOA64[rest & 0x3f] ?? '.';
    rest >>>= 6;
  }
  return text;
}

function byteAt(bytes: Buffer, index: number): number {
  return bytes[index] ?? 0;
}

/** The 22-character hash part of md5-crypt (the text after the third '$'). */
export function md5CryptHash(password: string, salt: string): string {
  const pw = Buffer.from(password, 'utf8');
  const saltBytes = Buffer.from(md5CryptSalt(salt), 'utf8');

  const alternate = md5().update(pw).update(saltBytes).update(pw).digest();
  const context = md5().update(pw).update(MAGIC).update(saltBytes);
  for (let left = pw.length; left > 0; left -= 16) context.update(alternate.subarray(0, Math.min(16, left)));
  // The original's famous oddity: for each bit of the length, a NUL byte when the bit is set, else the first byte of
  // the password (not of the alternate digest, as the comment in crypt-md5.c suggests).
  for (let bits = pw.length; bits > 0; bits >>>= 1) {
    context.update((bits & 1) === 1 ? Buffer.alloc(1) : pw.subarray(0, 1));
  }
  let digest = context.digest();

  // 1000 rounds "to slow down a brute-force attack" (crypt-md5.c), each mixing password, salt and the last digest.
  for (let round = 0; round < ROUNDS; round += 1) {
    const step = md5();
    step.update((round & 1) === 1 ? pw : digest);
    if (round % 3 !== 0) step.update(saltBytes);
    if (round % 7 !== 0) step.update(pw);
    step.update((round & 1) === 1 ? digest : pw);
    digest = step.digest();
  }

  const group = (a: number, b: number, c: number): string =>
    to64((byteAt(digest, a) << 16) | (byteAt(digest, b) << 8) | byteAt(digest, c), 4);
  return (
    group(0, 6, 12) +
    group(1, 7, 13) +
    group(2, 8, 14) +
    group(3, 9, 15) +
    group(4, 10, 5) +
    to64(byteAt(digest, 11), 2)
  );
}

/** The whole crypt(3) string, "$1$<salt>$<hash>", as `openssl passwd -1 -salt <salt> <password>` prints it. */
export function md5Crypt(password: string, salt: string): string {
  return `${MAGIC}${md5CryptSalt(salt)}$${md5CryptHash(password, salt)}`;
}
