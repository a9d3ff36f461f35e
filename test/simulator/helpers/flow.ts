import { signPayment } from 'miniprogram-pay/server';
import type { Simulator } from '../../../simulator/src/server';
import { merchantKeys } from './keys';
import { APPID, post, type TestMerchant, v3 } from './simulator';

let sequence = 0;

/** A fresh out_trade_no. */
export function newOutTradeNo(prefix = 'SIM'): string {
  sequence += 1;
  return `${prefix}${Date.now()}${String(sequence).padStart(4, '0')}`;
}

/** The body of a direct JSAPI order. */
export function jsapiOrder(mchid: string, outTradeNo: string, notifyUrl: string, total = 100) {
  return {
    appid: APPID,
    mchid,
    description: 'A cup of tea',
    out_trade_no: outTradeNo,
    notify_url: notifyUrl,
    amount: { total, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  };
}

/** Creates an order through the merchant's SDK; answers its prepay_id. */
export async function createOrder(
  merchant: TestMerchant,
  outTradeNo: string,
  notifyUrl: string,
  total = 100,
): Promise<string> {
  const response = await v3<{ prepay_id: string }>(merchant, 'post', 'v3/pay/transactions/jsapi', {
    body: jsapiOrder(merchant.mchid, outTradeNo, notifyUrl, total),
  });
  return response.data.prepay_id;
}

/** What the mini program passes to wx.requestPayment for the prepay_id (signed by the merchant). */
export function paymentParams(prepayId: string, keyIndex = 0) {
  return signPayment({ appId: APPID, prepayId, privateKey: merchantKeys(keyIndex).privateKey });
}

/** The user at the cashier: `action` on wx.requestPayment's parameters. */
export async function cashier(
  simulator: Simulator,
  params: unknown,
  action: 'pay' | 'cancel' | 'fail' = 'pay',
  extra: Record<string, unknown> = {},
): Promise<{ errMsg: string; errno?: number }> {
  const response = await post(simulator, '/sim/cashier', {
    api: 'requestPayment',
    params,
    action,
    ...extra,
  });
  if (response.status !== 200)
    throw new Error(`cashier answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { errMsg: string; errno?: number };
}

export async function advance(
  simulator: Simulator,
  seconds: number,
): Promise<{ now: number; tasksRun: number }> {
  const response = await post(simulator, '/sim/clock/advance', { seconds });
  if (response.status !== 200)
    throw new Error(`advance answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { now: number; tasksRun: number };
}
