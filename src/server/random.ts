import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` random characters of [0-9A-Za-z], uniformly drawn from the OS's CSPRNG. */
export function randomNonce(length = 32): string {
  let nonce = '';
  for (let i = 0; i < length; i++) nonce += ALPHABET[randomInt(ALPHABET.length)];
  return nonce;
}
