import { signatureHeaders } from '../auth/sign-response';
import type { TestClock } from '../clock/test-clock';
import { encryptAead } from '../crypto/aead';
import { newNotificationId, newRequestId } from '../lib/ids';
import { rfc3339Beijing } from '../lib/time';
import type { MerchantRegistry } from '../merchants/registry';
import { signingKeyFor } from '../merchants/signing-key';
import type { Channel } from './notifier';

/** The events of API v3 notifications: their `summary` and the resource's `original_type`. */
export const V3_EVENTS: Readonly<
  Record<string, { readonly summary: string; readonly originalType: string }>
> = {
  'TRANSACTION.SUCCESS': { summary: '支付成功', originalType: 'transaction' },
  'REFUND.SUCCESS': { summary: '退款成功', originalType: 'refund' },
  'REFUND.ABNORMAL': { summary: '退款异常', originalType: 'refund' },
  'REFUND.CLOSED': { summary: '退款关闭', originalType: 'refund' },
  'MCHTRANSFER.BILL.FINISHED': { summary: '商家转账单据终态通知', originalType: 'mch_payment' },
};

/**
 * A v3 notification's body: `resource` encrypted with the merchant's APIv3 key
 * (AEAD_AES_256_GCM, associated data = original type); `create_time` is the wall clock's.
 */
export function v3NotificationBody(
  apiV3Key: string,
  eventType: string,
  resource: object,
  wallNowMs: number,
): string {
  const event = V3_EVENTS[eventType];
  if (!event) throw new Error(`unknown v3 event ${eventType}`);
  const encrypted = encryptAead(apiV3Key, JSON.stringify(resource), event.originalType);
  return JSON.stringify({
    id: newNotificationId(),
    create_time: rfc3339Beijing(wallNowMs),
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: event.summary,
    resource: { original_type: event.originalType, ...encrypted },
  });
}

/** The headers WeChat Pay sends with a notification, signed per the merchant's signing mode. */
export function v3NotificationHeaders(
  merchants: MerchantRegistry,
  clock: TestClock,
  mchid: string,
  body: string,
): Record<string, string> {
  const merchant = merchants.find(mchid);
  if (!merchant) throw new Error(`merchant ${mchid} is not registered any more`);
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'wechatpay-simulator',
    'Request-ID': newRequestId(),
    ...signatureHeaders(signingKeyFor(merchant), body, clock.wallNow()),
  };
}

/** API v3 notifications: signed afresh at each attempt, acknowledged by any 2xx. */
export function v3Channel(merchants: MerchantRegistry, clock: TestClock): Channel {
  return {
    request: (record) => ({
      url: record.url,
      headers: v3NotificationHeaders(merchants, clock, record.mchid, record.body),
      body: record.body,
    }),
    acknowledged: (status) => status >= 200 && status < 300,
  };
}
