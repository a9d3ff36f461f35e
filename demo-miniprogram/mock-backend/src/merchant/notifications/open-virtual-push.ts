import {
  isNonEmptyString,
  isNonNegativeInteger,
  isRecord,
  parseJson,
} from '../../domain/json-guards';
import { safeEqual } from '../../domain/safe-equal';
import type { LoadedKeys } from '../../keys/load-keys';
import { VIRTUAL_NOTIFY_PATH } from '../../platform/notifications/virtual-push';
import { signVirtualPaymentApi } from '../../server-kit';
import type { VirtualPaymentReport } from '../order-book/apply-virtual-update';
import { isWithinClockWindow } from './clock-window';
import { type Refusal, refuse } from './refusal';

export type OpenedVirtualPush =
  | {
      readonly ok: true;
      readonly report: VirtualPaymentReport;
      /** Event + WeChat's id: the same push twice is a duplicate. */
      readonly notificationId: string;
    }
  | Refusal;

/**
 * Verifies a virtual payment push: `pay_sig = hmac_sha256(AppKey of Env,
 * "/pay/virtual-notify&" + raw body)`, CreateTime within 5 minutes, then reads the event.
 */
export function openVirtualPush(
  rawBody: Buffer,
  paySig: string,
  keys: LoadedKeys,
  nowMs: number,
): OpenedVirtualPush {
  const text = rawBody.toString('utf8');
  const body = parseJson(text);
  if (!isRecord(body) || (body.Env !== 0 && body.Env !== 1)) {
    return refuse(400, 'body is not a push with Env 0 or 1');
  }
  const expected = signVirtualPaymentApi({
    uri: VIRTUAL_NOTIFY_PATH,
    body: text,
    appKey: keys.appKeyForEnv(body.Env),
  });
  if (!safeEqual(paySig, expected.paySig)) return refuse(401, 'pay_sig does not verify');
  if (!isNonNegativeInteger(body.CreateTime) || !isWithinClockWindow(body.CreateTime, nowMs)) {
    return refuse(401, 'CreateTime is more than 5 minutes away from now');
  }
  if (!isNonEmptyString(body.OpenId)) return refuse(400, 'OpenId is missing');
  switch (body.Event) {
    case 'xpay_goods_deliver_notify':
    case 'xpay_coin_pay_notify':
      return paidReport(body, body.Event === 'xpay_goods_deliver_notify');
    case 'xpay_refund_notify':
      return refundReport(body);
    default:
      return refuse(400, `unknown Event ${String(body.Event)}`);
  }
}

function paidReport(body: Record<string, unknown>, isGoods: boolean): OpenedVirtualPush {
  const payInfo = body.WeChatPayInfo;
  const priceInfo = isGoods ? body.GoodsInfo : body.CoinInfo;
  if (
    !isNonEmptyString(body.OutTradeNo) ||
    !isRecord(payInfo) ||
    !isNonEmptyString(payInfo.TransactionId) ||
    !isNonNegativeInteger(payInfo.PaidTime) ||
    !isRecord(priceInfo) ||
    !isNonNegativeInteger(priceInfo.ActualPrice) ||
    (isGoods && !isNonEmptyString(priceInfo.ProductId))
  ) {
    return refuse(400, 'push is missing OutTradeNo, WeChatPayInfo or the price');
  }
  return {
    ok: true,
    notificationId: `${String(body.Event)}:${payInfo.TransactionId}`,
    report: {
      source: String(body.Event),
      outTradeNo: body.OutTradeNo,
      openid: body.OpenId as string,
      env: body.Env as 0 | 1,
      mode: isGoods ? 'short_series_goods' : 'short_series_coin',
      // Acknowledging a goods push means the merchant delivered the item.
      status: isGoods ? 4 : 2,
      total: priceInfo.ActualPrice,
      ...(isGoods ? { productId: priceInfo.ProductId as string } : {}),
      transactionId: payInfo.TransactionId,
      paidTime: payInfo.PaidTime,
    },
  };
}

function refundReport(body: Record<string, unknown>): OpenedVirtualPush {
  if (
    !isNonEmptyString(body.MchOrderId) ||
    !isNonEmptyString(body.WxRefundId) ||
    !isNonNegativeInteger(body.RefundFee) ||
    body.RetCode !== 0
  ) {
    return refuse(400, 'refund push is missing MchOrderId, WxRefundId or RefundFee');
  }
  return {
    ok: true,
    notificationId: `xpay_refund_notify:${body.WxRefundId}`,
    report: {
      source: 'xpay_refund_notify',
      outTradeNo: body.MchOrderId,
      openid: body.OpenId as string,
      env: body.Env as 0 | 1,
      mode: undefined,
      status: 5,
      total: body.RefundFee,
    },
  };
}
