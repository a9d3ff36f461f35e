import type { KeyObject } from 'node:crypto';
import type { NotifySigning } from '../../config/options';
import type { LoadedKeys } from '../../keys/load-keys';

/** The key one notification request is signed with, and the serial it is named by. */
export interface NotificationSigningKey {
  /** `Wechatpay-Serial`: a certificate serial, or `PUB_KEY_ID_…`. */
  readonly serial: string;
  readonly privateKey: KeyObject;
}

/** Picks the key for the next notification request. */
export type NotificationSigner = () => NotificationSigningKey;

/**
 * `certificate`: always the platform certificate; `public-key`: always the WeChat Pay public
 * key; `migration`: each request one or the other at random, as during WeChat's switch.
 */
export function createNotificationSigner(
  keys: LoadedKeys,
  mode: NotifySigning,
  random: () => number = Math.random,
): NotificationSigner {
  const certificate = { serial: keys.platformSerial, privateKey: keys.platformPrivateKey };
  const publicKey = {
    serial: keys.wechatpayPublicKeyId,
    privateKey: keys.wechatpayPublicKeyPrivateKey,
  };
  switch (mode) {
    case 'certificate':
      return () => certificate;
    case 'public-key':
      return () => publicKey;
    case 'migration':
      return () => (random() < 0.5 ? certificate : publicKey);
  }
}
