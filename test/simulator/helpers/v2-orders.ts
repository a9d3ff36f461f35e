import type { Simulator } from '../../../simulator/src/server';
import { APPID, post, registerMerchant, type TestMerchant } from './simulator';
import { SUB_APPID, SUB_MCHID, SUB_OPENID } from './v2-client';

/** The institution (WeChat Pay Global, institution mode) the API v2 tests order as. */
export const INSTITUTION = '1900000390';

/** What a merchant answers to acknowledge an API v2 notification. */
export const XML_ACK =
  '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>';

/** Registers the institution with its sub-merchant and the sub-merchant's mini program. */
export function registerInstitution(simulator: Simulator): Promise<TestMerchant> {
  return registerMerchant(simulator, {
    mchid: INSTITUTION,
    extra: { subMerchants: [{ mchid: SUB_MCHID, appids: [SUB_APPID] }] },
  });
}

/** A unified order of the institution for its sub-merchant's mini program. */
export function v2Order(
  outTradeNo: string,
  notifyUrl: string,
  extra: Record<string, unknown> = {},
) {
  return {
    appid: APPID,
    mch_id: INSTITUTION,
    sub_appid: SUB_APPID,
    sub_mch_id: SUB_MCHID,
    body: 'Tea & cake <HK>',
    out_trade_no: outTradeNo,
    total_fee: 100,
    fee_type: 'HKD',
    spbill_create_ip: '203.0.113.7',
    notify_url: notifyUrl,
    trade_type: 'JSAPI',
    sub_openid: SUB_OPENID,
    ...extra,
  };
}

/** The ids that name an order of the sub-merchant (order query, close). */
export function v2Ids(outTradeNo: string) {
  return { appid: APPID, mch_id: INSTITUTION, sub_mch_id: SUB_MCHID, out_trade_no: outTradeNo };
}

/** The user pays at the cashier with wx.requestPayment's parameters. */
export async function payAtCashier(
  simulator: Simulator,
  params: unknown,
): Promise<{ errMsg: string; errno?: number }> {
  const answer = await post(simulator, '/sim/cashier', {
    api: 'requestPayment',
    params,
    action: 'pay',
  });
  return answer.body as { errMsg: string; errno?: number };
}
