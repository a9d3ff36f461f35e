import type { Merchant } from '../merchants/merchant';
import { isPaid, type OrderRecord, payingAppid, payingOpenid } from '../payments/order';
import type { SimulatorServices } from '../plugins/services';
import { actOnOrder } from './act-on-order';
import type { CashierRequest } from './cashier';
import { type HostCallback, type PaymentCallbacks, paymentCallbacksOf } from './host-callbacks';
import { v2PaySignValid, v3PaySignValid } from './pay-sign';

const PAYMENT_PARAMS = ['timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const;
const PREPAY_PACKAGE = /^prepay_id=(.+)$/;
const SIGN_TYPES = ['RSA', 'MD5', 'HMAC-SHA256'];

/** A further check of the order a prepay_id names (requestOrderPayment's orderInfo). */
export type OrderCheck = (order: OrderRecord, prepayId: string) => HostCallback | undefined;

/**
 * wx.requestPayment's cashier: the five parameters are strings, `package` names a prepay_id
 * the platform gave, `signType` is RSA (an order of API v3) or MD5 / HMAC-SHA256 (API v2),
 * the mini program's AppID is bound to the merchant, `paySign` verifies with the merchant's
 * key over that AppID, and the order can be paid (not paid, not closed, its prepay_id within
 * 2 hours, the user the order was made for), then `orderCheck` when given. Then pay, cancel
 * or fail as the user chose.
 */
export async function requestPayment(
  request: CashierRequest,
  sim: SimulatorServices,
  orderCheck?: OrderCheck,
): Promise<HostCallback> {
  const answers = paymentCallbacksOf(request.api);
  const fields: Record<string, string> = {};
  for (const name of PAYMENT_PARAMS) {
    const value = request.params[name];
    if (typeof value !== 'string') return answers.wrongType(name, value);
    if (value === '') return answers.missing(name);
    fields[name] = value;
  }
  const { timeStamp = '', nonceStr = '', signType = '', paySign = '' } = fields;
  const packageValue = fields.package ?? '';
  const prepayId = PREPAY_PACKAGE.exec(packageValue)?.[1];
  const order = prepayId === undefined ? undefined : sim.orders.findByPrepayId(prepayId);
  const merchant = order && sim.merchants.find(order.mchid);
  if (!order || !merchant || prepayId === undefined) return answers.unknownPrepayId();
  const answer = await decide(request, sim, answers, {
    order,
    merchant,
    prepayId,
    fields: { timeStamp, nonceStr, signType, paySign, packageValue },
    orderCheck,
  });
  order.lastCashier = {
    api: request.api,
    action: request.action,
    errMsg: answer.errMsg,
    at: sim.clock.now(),
  };
  await sim.orders.saved(order);
  return answer;
}

interface Checked {
  readonly order: OrderRecord;
  readonly merchant: Merchant;
  readonly prepayId: string;
  readonly fields: Readonly<
    Record<'timeStamp' | 'nonceStr' | 'signType' | 'paySign' | 'packageValue', string>
  >;
  readonly orderCheck: OrderCheck | undefined;
}

async function decide(
  request: CashierRequest,
  sim: SimulatorServices,
  answers: PaymentCallbacks,
  checked: Checked,
): Promise<HostCallback> {
  const { order, merchant, prepayId, fields } = checked;
  if (!SIGN_TYPES.includes(fields.signType)) return answers.badSignType();
  const appId = request.appId ?? payingAppid(order);
  if (!boundAppids(merchant, order).includes(appId)) return answers.appidNotBound();
  const signed = {
    appId,
    timeStamp: fields.timeStamp,
    nonceStr: fields.nonceStr,
    package: fields.packageValue,
    signType: fields.signType,
  };
  const valid =
    order.api === 'v3'
      ? v3PaySignValid(signed, fields.paySign, merchant.publicKey)
      : v2PaySignValid(signed, fields.paySign, merchant.record.apiV2Key);
  if (!valid) return answers.badSignature();
  if (isPaid(order)) return answers.alreadyPaid();
  if (order.tradeState !== 'NOTPAY') return answers.closed();
  if (sim.orders.isExpired(order, prepayId)) return answers.expired();
  if (request.openid !== undefined && request.openid !== payingOpenid(order))
    return answers.payerMismatch();
  const refusal = checked.orderCheck?.(order, prepayId);
  if (refusal) return refusal;
  return actOnOrder(order, request, sim, answers);
}

/** The AppIDs a mini program may pay the order from: the merchant's, and a sub-merchant's. */
function boundAppids(merchant: Merchant, order: OrderRecord): readonly string[] {
  const sub = merchant.record.subMerchants.find((item) => item.mchid === order.subMchid);
  return sub ? [...merchant.record.appids, ...sub.appids] : merchant.record.appids;
}
