import type { Merchant } from './merchant';
import type { SigningKey } from './platform-keys';

/**
 * The key the platform signs with for a merchant: the one `requested` names (an answer follows
 * the `Wechatpay-Serial` of its request: a `PUB_KEY_ID_…` gets the public key), else per the
 * merchant's signing mode; `migration` picks one at random each time, as during WeChat's switch.
 */
export function signingKeyFor(
  merchant: Merchant,
  requested?: string,
  random: () => number = Math.random,
): SigningKey {
  const { certificate, publicKey } = merchant.platform;
  if (requested !== undefined) {
    if (requested === publicKey.serial) return publicKey;
    if (requested.toUpperCase() === certificate.serial) return certificate;
  }
  switch (merchant.record.signing) {
    case 'certificate':
      return certificate;
    case 'public-key':
      return publicKey;
    case 'migration':
      return random() < 0.5 ? certificate : publicKey;
  }
}
