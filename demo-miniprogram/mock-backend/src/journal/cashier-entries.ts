import { isRecord, parseJson } from '../domain/json-guards';
import type { HostCallback } from '../platform/host-callbacks';
import type { SimulatedPlatform } from '../platform/simulated-platform';
import type { EntryDetail } from './entry';

/**
 * The order a `/sim/cashier` call is about, read as the cashier reads it: the prepay_id in
 * `package` (requestPayment, requestOrderPayment), `outTradeNo` / `out_trade_no` in signData
 * (requestVirtualPayment, requestCommonPayment), `paymentArgs.out_trade_no`
 * (requestPluginPayment), the bill of `package` (requestMerchantTransfer).
 */
export function cashierSubject(
  platform: SimulatedPlatform,
  api: string,
  params: Readonly<Record<string, unknown>>,
): string | undefined {
  switch (api) {
    case 'requestPayment':
    case 'requestOrderPayment': {
      const prepayId = /^prepay_id=(.+)$/.exec(String(params.package ?? ''))?.[1];
      return prepayId === undefined
        ? undefined
        : platform.wechatPay.findByPrepayId(prepayId)?.outTradeNo;
    }
    case 'requestPluginPayment':
      return stringField(params.paymentArgs, 'out_trade_no');
    case 'requestMerchantTransfer':
      return typeof params.package === 'string'
        ? platform.transfers.findByPackage(params.package)?.outBillNo
        : undefined;
    default: {
      const signData = parseJson(String(params.signData));
      return stringField(signData, 'outTradeNo') ?? stringField(signData, 'out_trade_no');
    }
  }
}

function stringField(value: unknown, name: string): string | undefined {
  const field = isRecord(value) ? value[name] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** What each action answers when the cashier does not refuse the call. */
const ANSWERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  requestPayment: {
    pay: 'requestPayment:ok',
    cancel: 'requestPayment:fail cancel',
    fail: 'requestPayment:fail 支付失败',
  },
  requestVirtualPayment: {
    pay: 'requestVirtualPayment:ok',
    cancel: 'requestVirtualPayment:fail requestPayment:fail cancel',
    fail: 'requestVirtualPayment:fail',
  },
  requestOrderPayment: {
    pay: 'requestOrderPayment:ok',
    cancel: 'requestOrderPayment:fail cancel',
    fail: 'requestOrderPayment:fail 支付失败',
  },
  requestCommonPayment: {
    pay: 'requestCommonPayment:ok',
    cancel: 'requestCommonPayment:fail cancel',
    fail: 'requestCommonPayment:fail 支付失败',
  },
  requestPluginPayment: {
    pay: 'requestPluginPayment:ok',
    cancel: 'requestPluginPayment:fail cancel',
    fail: 'requestPluginPayment:fail 支付失败',
  },
  requestMerchantTransfer: {
    pay: 'requestMerchantTransfer:ok',
    cancel: 'requestMerchantTransfer:fail cancel',
    fail: 'requestMerchantTransfer:fail 转账失败',
  },
};

/** Why the cashier refused, by errno / errCode (see host-callbacks.ts). */
const REFUSALS: Readonly<Record<number, string>> = {
  702002: 'the signature (paySign) does not verify',
  702005: 'the order is already paid',
  [-15005]: 'the signature (the user signature of signData) does not verify',
  [-15006]: 'the signature (paySig) does not verify',
  [-15016]: 'signData is not valid for this merchant',
  [-15007]: 'the user has no session (log in first)',
  [-15002]: 'the outTradeNo was already used',
  1001: 'a parameter is missing or has the wrong type',
};

/** A sentence for a refusal the code table does not name, or names for another API. */
function otherRefusal(errMsg: string): string {
  if (errMsg.includes('invalid pay signature')) return 'the pay signature (paySig) does not verify';
  if (errMsg.includes('invalid signature')) {
    return "the signature (the user's session_key over signData) does not verify";
  }
  if (errMsg.includes('invalid signData')) return 'signData is not valid for this merchant';
  if (errMsg.includes('signData参数类型')) return 'signData is not a string';
  if (errMsg.includes('package_info')) {
    return "the package is not a bill waiting for this user's confirmation";
  }
  if (errMsg.includes('订单信息校验失败')) return 'orderInfo does not match the order';
  if (errMsg.includes('该订单已支付')) return 'the order is already paid';
  if (errMsg.includes('already used')) return 'the out_trade_no was already used';
  if (errMsg.includes('does not match the order')) return 'the plugin order does not match';
  if (errMsg.includes('not an order of this plugin')) return 'paymentArgs names no plugin order';
  if (errMsg.includes('prepay_id')) return 'the prepay_id is not known';
  if (errMsg.includes('signType')) return 'the signType is not accepted';
  if (errMsg.includes('订单已过期')) return 'the prepay_id has expired';
  if (errMsg.includes('订单已关闭')) return 'the order is closed';
  if (errMsg.includes('下单账号与付款账号不一致')) return 'the payer is not the user of the order';
  return 'a parameter is missing or has the wrong type';
}

/** The cashier's answer, as a refusal when it is not the answer of the action itself. */
export function cashierAnswer(api: string, action: string, callback: HostCallback): EntryDetail {
  const { errMsg } = callback;
  const code = callback.errCode ?? callback.errno;
  const answer = {
    type: 'cashier-answer',
    api,
    errMsg,
    ...(code === undefined ? {} : { errCode: code }),
  } as const;
  if (ANSWERS[api]?.[action] === errMsg) return answer;
  // B2b's 702002 is the user signature, not a paySign: its words decide.
  const byCode = api === 'requestCommonPayment' || code === undefined ? undefined : REFUSALS[code];
  return { ...answer, reason: byCode ?? otherRefusal(errMsg) };
}
