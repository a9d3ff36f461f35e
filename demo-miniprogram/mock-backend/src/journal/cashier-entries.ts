import type { HostCallback } from '../platform/host-callbacks';
import type { SimulatedPlatform } from '../platform/simulated-platform';
import type { EntryDetail } from './entry';

/**
 * The order a `/sim/cashier` call is about, read as the cashier reads it: the prepay_id in
 * `package` (requestPayment), or `outTradeNo` in `signData` (requestVirtualPayment).
 */
export function cashierSubject(
  platform: SimulatedPlatform,
  api: string,
  params: Readonly<Record<string, unknown>>,
): string | undefined {
  if (api === 'requestPayment') {
    const prepayId = /^prepay_id=(.+)$/.exec(String(params.package ?? ''))?.[1];
    return prepayId === undefined
      ? undefined
      : platform.wechatPay.findByPrepayId(prepayId)?.outTradeNo;
  }
  try {
    const signData = JSON.parse(String(params.signData)) as { outTradeNo?: unknown };
    return typeof signData.outTradeNo === 'string' ? signData.outTradeNo : undefined;
  } catch {
    return undefined;
  }
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

/** A sentence for a refusal the code table does not name. */
function otherRefusal(errMsg: string): string {
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
  return {
    ...answer,
    reason: (code === undefined ? undefined : REFUSALS[code]) ?? otherRefusal(errMsg),
  };
}
