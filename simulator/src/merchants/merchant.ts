import type { KeyObject } from 'node:crypto';
import type { PlatformKeyRecord, PlatformKeys } from './platform-keys';

/** How the platform signs answers and notifications for a merchant. */
export const SIGNING_MODES = ['certificate', 'public-key', 'migration'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

/** A sub-merchant a service provider may order for (institution mode). */
export interface SubMerchant {
  readonly mchid: string;
  /** The sub-merchant's own AppIDs (`sub_appid`); empty when none is registered. */
  readonly appids: readonly string[];
}

/** A registered merchant, as stored. */
export interface MerchantRecord {
  readonly mchid: string;
  readonly appids: readonly string[];
  /** The serial of the merchant's API certificate (`serial_no` of Authorization). */
  readonly merchantSerial: string;
  /** The merchant's public key, SPKI or certificate PEM, as given. */
  readonly merchantPublicKeyPem: string;
  readonly apiV3Key: string;
  readonly apiV2Key?: string;
  readonly signing: SigningMode;
  readonly subMerchants: readonly SubMerchant[];
  /** Where refund notifications go when a refund names no notify_url (the console's setting). */
  readonly refundNotifyUrl?: string;
  /** Fields of later parts (virtualPayment, b2b, transfer), kept as given. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** The platform's keys for this merchant; absent when the simulator was given shared ones. */
  readonly platform?: PlatformKeyRecord;
  readonly registeredAt: number;
  readonly updatedAt: number;
}

/** A registered merchant, its keys parsed. */
export interface Merchant {
  readonly record: MerchantRecord;
  readonly mchid: string;
  readonly publicKey: KeyObject;
  readonly platform: PlatformKeys;
}
