import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PlatformPrivateKeys } from '../../../simulator/src/server';

const FIXTURES = path.join(__dirname, '../../fixtures/server');

/**
 * The platform keys the test simulators share (the server kit's throwaway fixtures), so that
 * tests do not pay for RSA key generation at each registration.
 */
export const platformKeys: PlatformPrivateKeys = {
  certificatePrivateKey: readFileSync(path.join(FIXTURES, 'platform-cert-key.pem'), 'utf8'),
  publicKeyPrivateKey: readFileSync(
    path.join(FIXTURES, 'wechatpay-public-key-private.pem'),
    'utf8',
  ),
};

/** A merchant's API key pair, as a merchant server holds it. */
export interface MerchantKeys {
  readonly privateKey: KeyObject;
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

const cache: MerchantKeys[] = [];

/** The `index`-th merchant key pair of this test file (made once each). */
export function merchantKeys(index = 0): MerchantKeys {
  while (cache.length <= index) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    cache.push({
      privateKey,
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
  }
  return cache[index] as MerchantKeys;
}
