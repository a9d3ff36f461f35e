import {
  newNonceStr,
  newNotificationId,
  newResourceNonce,
  rfc3339Beijing,
  unixSeconds,
} from '../../domain/ids';
import { encryptAeadAes256Gcm } from '../../signing/aead-aes-256-gcm';
import { signNotification } from '../../signing/notification-signature';
import type { PlatformContext } from '../platform-context';
import type { Delivery } from './notifier';

export type PayEventType = 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS';

/** The notification body: the resource is the AEAD-encrypted JSON plaintext. */
export interface PayNotificationBody {
  readonly id: string;
  readonly create_time: string;
  readonly event_type: PayEventType;
  readonly resource_type: 'encrypt-resource';
  readonly summary: string;
  readonly resource: {
    readonly original_type: string;
    readonly algorithm: 'AEAD_AES_256_GCM';
    readonly ciphertext: string;
    readonly associated_data: string;
    readonly nonce: string;
  };
}

const EVENTS: Readonly<Record<PayEventType, { summary: string; originalType: string }>> = {
  'TRANSACTION.SUCCESS': { summary: '支付成功', originalType: 'transaction' },
  'REFUND.SUCCESS': { summary: '退款成功', originalType: 'refund' },
};

/** Encrypts `plaintext` with the APIv3 key into a notification body. */
export function encryptedNotificationBody(
  apiV3Key: string,
  eventType: PayEventType,
  plaintext: object,
  nowMs: number,
): PayNotificationBody {
  const { summary, originalType } = EVENTS[eventType];
  const sealed = encryptAeadAes256Gcm(
    apiV3Key,
    JSON.stringify(plaintext),
    newResourceNonce(),
    originalType,
  );
  return {
    id: newNotificationId(),
    create_time: rfc3339Beijing(nowMs),
    event_type: eventType,
    resource_type: 'encrypt-resource',
    summary,
    resource: {
      original_type: originalType,
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: sealed.ciphertext,
      associated_data: sealed.associatedData,
      nonce: sealed.nonce,
    },
  };
}

/** Headers of a signed notification; each attempt is signed afresh, with the signer's pick. */
export function signedNotificationHeaders(
  context: PlatformContext,
  body: string,
): Record<string, string> {
  const { serial, privateKey } = context.notificationSigner();
  return {
    'content-type': 'application/json',
    ...signNotification(
      { timestamp: String(unixSeconds(context.config.now())), nonce: newNonceStr(), body, serial },
      privateKey,
    ),
  };
}

/** A v3 notification to `/pay/notify`: acknowledged by any 2xx answer. */
export function payNotificationDelivery(
  context: PlatformContext,
  kind: 'payment' | 'refund',
  orderId: string,
  eventType: PayEventType,
  plaintext: object,
): Delivery {
  const body = JSON.stringify(
    encryptedNotificationBody(
      context.keys.material.apiV3Key,
      eventType,
      plaintext,
      context.config.now(),
    ),
  );
  return {
    kind,
    orderId,
    request: () => ({
      url: `${context.merchantBaseUrl()}/pay/notify`,
      headers: signedNotificationHeaders(context, body),
      body,
    }),
    isAcknowledged: (status) => status >= 200 && status < 300,
  };
}
