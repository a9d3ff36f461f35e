import { unixSeconds } from '../../domain/ids';
import { signVirtualPaymentApi } from '../../server-kit';
import type { PlatformVirtualOrder } from '../../storage/state';
import type { PlatformContext } from '../platform-context';
import type { Delivery } from './delivery';

/** The path the push goes to; it is also the uri its pay_sig covers. */
export const VIRTUAL_NOTIFY_PATH = '/pay/virtual-notify';

export type VirtualPushEvent =
  | 'xpay_goods_deliver_notify'
  | 'xpay_coin_pay_notify'
  | 'xpay_refund_notify';

/** The JSON message push of a virtual payment event. */
export function virtualPushBody(
  event: VirtualPushEvent,
  order: PlatformVirtualOrder,
  nowMs: number,
): Record<string, unknown> {
  const common = {
    ToUserName: 'gh_mockminiprogram',
    FromUserName: order.openid,
    CreateTime: unixSeconds(nowMs),
    MsgType: 'event',
    Event: event,
    OpenId: order.openid,
    Env: order.env,
  };
  if (event === 'xpay_refund_notify') {
    return {
      ...common,
      WxOrderId: order.mchOrderNo,
      MchOrderId: order.outTradeNo,
      WxRefundId: `refund_${order.transactionId ?? ''}`,
      MchRefundId: `R${order.outTradeNo}`,
      RefundFee: order.total,
      RetCode: 0,
      RetMsg: 'success',
    };
  }
  const paid = {
    OutTradeNo: order.outTradeNo,
    WeChatPayInfo: {
      MchOrderNo: order.mchOrderNo,
      TransactionId: order.transactionId,
      PaidTime: order.paidTime,
    },
  };
  const priceInfo = {
    Quantity: order.buyQuantity,
    OrigPrice: order.total,
    ActualPrice: order.total,
    Attach: order.attach,
  };
  return event === 'xpay_coin_pay_notify'
    ? { ...common, ...paid, CoinInfo: priceInfo }
    : { ...common, ...paid, GoodsInfo: { ProductId: order.productId, ...priceInfo } };
}

/**
 * A push to `/pay/virtual-notify?pay_sig=<hex>`, where
 * `pay_sig = hmac_sha256(AppKey of Env, "/pay/virtual-notify&" + body)`. Each attempt carries a
 * fresh CreateTime. Acknowledged by `{"ErrCode":0,...}`.
 */
export function virtualPushDelivery(
  context: PlatformContext,
  event: VirtualPushEvent,
  order: PlatformVirtualOrder,
  onAcknowledged?: () => void,
): Delivery {
  return {
    kind: event === 'xpay_refund_notify' ? 'refund' : 'virtual',
    orderId: order.outTradeNo,
    request: () => {
      const { body, paySig } = signVirtualPaymentApi({
        uri: VIRTUAL_NOTIFY_PATH,
        body: JSON.stringify(virtualPushBody(event, order, context.config.now())),
        appKey: context.keys.appKeyForEnv(order.env),
      });
      return {
        url: `${context.merchantBaseUrl()}${VIRTUAL_NOTIFY_PATH}?pay_sig=${paySig}`,
        headers: { 'content-type': 'application/json' },
        body,
      };
    },
    isAcknowledged: (status, body) => status === 200 && isSuccessAck(body),
    ...(onAcknowledged ? { onAcknowledged } : {}),
  };
}

function isSuccessAck(body: string): boolean {
  try {
    return (JSON.parse(body) as { ErrCode?: unknown }).ErrCode === 0;
  } catch {
    return false;
  }
}
