import { createHash } from 'node:crypto';
import { randomString, unixSeconds } from '../../domain/ids';
import type { PlatformB2bOrder } from '../../storage/state';
import type { PlatformContext } from '../platform-context';
import type { Delivery } from './delivery';

/** The mini program's message push URL in this mock (set in the console in WeChat). */
export const B2B_NOTIFY_PATH = '/pay/b2b-notify';

/**
 * The message push signature (消息推送, plaintext mode): the Token, timestamp and nonce sorted
 * as strings, joined, SHA-1, lowercase hex.
 */
export function messagePushSignature(token: string, timestamp: string, nonce: string): string {
  const joined = [token, timestamp, nonce].sort().join('');
  return createHash('sha1').update(joined, 'utf8').digest('hex');
}

/** The JSON message push of a paid B2b order: event `retail_pay_notify`. */
export function b2bPushBody(
  context: PlatformContext,
  order: PlatformB2bOrder,
  nowMs: number,
): Record<string, unknown> {
  return {
    ToUserName: 'gh_mockminiprogram',
    FromUserName: order.openid,
    CreateTime: unixSeconds(nowMs),
    MsgType: 'event',
    Event: 'retail_pay_notify',
    appid: context.config.appId,
    mchid: order.mchid,
    out_trade_no: order.outTradeNo,
    order_id: order.orderId,
    pay_status: order.payStatus,
    pay_time: order.payTime,
    attach: order.attach,
    payer_openid: order.openid,
    amount: { order_amount: order.amount, payer_amount: order.amount, currency: 'CNY' },
    env: order.env,
  };
}

/**
 * A push to `/pay/b2b-notify?signature=&timestamp=&nonce=`, signed with the message push
 * Token; each attempt carries a fresh timestamp, nonce and CreateTime. Acknowledged by a 200
 * whose body is `success`.
 */
export function b2bPushDelivery(context: PlatformContext, order: PlatformB2bOrder): Delivery {
  return {
    kind: 'b2b',
    orderId: order.outTradeNo,
    request: () => {
      const now = context.config.now();
      const timestamp = String(unixSeconds(now));
      const nonce = randomString(10, '0123456789');
      const signature = messagePushSignature(
        context.keys.material.messagePushToken,
        timestamp,
        nonce,
      );
      const query = new URLSearchParams({ signature, timestamp, nonce });
      return {
        url: `${context.merchantBaseUrl()}${B2B_NOTIFY_PATH}?${query}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b2bPushBody(context, order, now)),
      };
    },
    isAcknowledged: (status, body) => status === 200 && body.trim() === 'success',
  };
}
