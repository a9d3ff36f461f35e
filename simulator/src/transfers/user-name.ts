import { constants, privateDecrypt } from 'node:crypto';
import { paramError } from '../errors/wechat-error';
import type { Merchant } from '../merchants/merchant';
import type { SigningKey } from '../merchants/platform-keys';

/**
 * `user_name` decrypted: the merchant encrypts it (RSA-OAEP with SHA-1, Base64) with the
 * platform key its `Wechatpay-Serial` header names (the platform certificate's serial or the
 * WeChat Pay public key's `PUB_KEY_ID_…`), as for every sensitive field. 400 PARAM_ERROR when
 * no key is named or it does not decrypt.
 */
export function decryptUserName(
  ciphertext: string,
  merchant: Merchant,
  serial: string | undefined,
): string {
  if (serial === undefined) {
    throw paramError(
      'Wechatpay-Serial',
      'user_name is encrypted with a WeChat Pay platform key: send the Wechatpay-Serial header naming it (the platform certificate serial or the PUB_KEY_ID_…).',
      'header',
    );
  }
  const key = platformKeyNamed(merchant, serial);
  if (!key) {
    throw paramError(
      'Wechatpay-Serial',
      `Wechatpay-Serial ${serial} names no platform key of merchant ${merchant.mchid} (${merchant.platform.certificate.serial} or ${merchant.platform.publicKey.serial}).`,
      'header',
    );
  }
  let plaintext = '';
  try {
    plaintext = privateDecrypt(
      { key: key.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(ciphertext, 'base64'),
    ).toString('utf8');
  } catch {
    // Left empty: refused below.
  }
  if (plaintext === '') {
    throw paramError(
      'user_name',
      `user_name does not decrypt with the platform key ${key.serial}: encrypt the payee's name with it, RSA-OAEP (SHA-1), Base64.`,
    );
  }
  return plaintext;
}

function platformKeyNamed(merchant: Merchant, serial: string): SigningKey | undefined {
  const { certificate, publicKey } = merchant.platform;
  if (serial === publicKey.serial) return publicKey;
  return serial.toUpperCase() === certificate.serial ? certificate : undefined;
}
