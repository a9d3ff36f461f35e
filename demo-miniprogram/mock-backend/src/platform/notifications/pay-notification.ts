import { newNotificationId, rfc3339Beijing, unixSeconds } from '../../domain/ids';
import { encryptResource, type PaymentNotification, signNotification } from '../../server-kit';
import type { PlatformContext } from '../platform-context';
import type { Delivery } from './delivery';

export type PayEventType = 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS' | 'MCHTRANSFER.BILL.FINISHED';

const EVENTS: Readonly<Record<PayEventType, { summary: string; originalType: string }>> = {
  'TRANSACTION.SUCCESS': { summary: '支付成功', originalType: 'transaction' },
  'REFUND.SUCCESS': { summary: '退款成功', originalType: 'refund' },
  'MCHTRANSFER.BILL.FINISHED': { summary: '商家转账单据终态通知', originalType: 'mch_payment' },
};

/** A notification body: `plaintext` encrypted with the APIv3 key by the server kit. */
export function encryptedNotificationBody(
  apiV3Key: string,
  eventType: PayEventType,
  plaintext: object,
  nowMs: number,
): PaymentNotification {
  const { summary, originalType } = EVENTS[eventType];
  return {
    id: newNotificationId(),
    create_time: rfc3339Beijing(nowMs),
    event_type: eventType,
    resource_type: 'encrypt-resource',
    summary,
    resource: encryptResource({ apiV3Key, plaintext, associatedData: originalType }),
  };
}

/**
 * Headers of a signed notification (the kit's `signNotification`, with
 * `Wechatpay-Signature-Type`); each attempt is signed afresh, with the signer's pick of key.
 */
export function signedNotificationHeaders(
  context: PlatformContext,
  body: string,
): Record<string, string> {
  const { serial, privateKey } = context.notificationSigner();
  return {
    'content-type': 'application/json',
    ...signNotification({
      body,
      privateKey,
      serial,
      timestamp: String(unixSeconds(context.config.now())),
    }),
  };
}

/**
 * A v3 notification to the merchant's `path` (`/pay/notify`; a transfer's goes to
 * `/pay/transfer-notify`, its bill's notify_url): acknowledged by any 2xx answer.
 */
export function payNotificationDelivery(
  context: PlatformContext,
  kind: 'payment' | 'refund' | 'transfer',
  orderId: string,
  eventType: PayEventType,
  plaintext: object,
  path = '/pay/notify',
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
      url: `${context.merchantBaseUrl()}${path}`,
      headers: signedNotificationHeaders(context, body),
      body,
    }),
    isAcknowledged: (status) => status >= 200 && status < 300,
  };
}
