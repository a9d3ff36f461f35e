import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hmacSha256Valid } from '../crypto/hmac';
import type { Merchant } from '../merchants/merchant';
import { WxApiError } from '../mini-program/wx-api-error';
import { appidOfToken, jsonBodyOf, queryValue } from '../mini-program/wx-api-scope';
import type { Fields } from '../validation/fields';
import type { B2bOrderRecord } from './b2b-order';
import { b2bMerchant } from './config';

/** B2b's server APIs answer `参数为空或非法 detail:[…]` (9403200) for a bad parameter. */
export function b2bInvalid(detail: string): WxApiError {
  return new WxApiError(9403200, `参数为空或非法 detail:[${detail}]`);
}

/** A request to a B2b server API, its access_token and pay_sig verified. */
export interface B2bRequest {
  readonly merchant: Merchant;
  readonly appid: string;
  readonly fields: Fields;
}

/**
 * Verifies a `/retail/B2b/...` request: its access_token names a mini program, its `mchid` a
 * merchant with B2b payment bound to it (9403203 otherwise), and `pay_sig =
 * hmac_sha256(production AppKey, uri + "&" + body)` over the exact body bytes (9403200
 * otherwise): B2b's server APIs take the production AppKey whatever the env.
 */
export function verifyB2bRequest(scope: FastifyInstance, request: FastifyRequest): B2bRequest {
  const appid = appidOfToken(scope, request);
  const { raw, fields } = jsonBodyOf(request);
  const found = b2bMerchant(scope.sim.merchants, fields.raw('mchid'));
  if (!found?.merchant.record.appids.includes(appid)) {
    throw new WxApiError(
      9403203,
      '商户未完成建档 detail:[获取商户号信息失败,请确认商户号是否开通成功]',
      `mchid must name a merchant registered with b2b and AppID ${appid}`,
    );
  }
  request.sim.merchant = found.merchant;
  const paySig = queryValue(request, 'pay_sig');
  const uri = request.url.split('?')[0] ?? '';
  const message = Buffer.concat([Buffer.from(`${uri}&`, 'utf8'), raw]);
  if (paySig === undefined || !hmacSha256Valid(found.config.appKeys.production, message, paySig)) {
    const reason = `pay_sig is not hmac_sha256(the production AppKey, "${uri}&" + body)`;
    request.sim.verdict = { verified: false, reason };
    throw b2bInvalid(paySig === undefined ? '支付签名[pay_sig]为空' : '支付签名[pay_sig]校验失败');
  }
  request.sim.verdict = { verified: true };
  return { merchant: found.merchant, appid, fields };
}

/** `/retail/B2b/getorder`'s answer. */
export function b2bOrderView(order: B2bOrderRecord) {
  return {
    errcode: 0,
    errmsg: 'ok',
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.outTradeNo,
    order_id: order.orderId ?? '',
    pay_status: order.payStatus,
    pay_time: order.paidAt === undefined ? 0 : Math.floor(order.paidAt / 1000),
    attach: order.attach,
    payer_openid: order.openid,
    amount: { order_amount: order.amount, payer_amount: order.amount, currency: 'CNY' },
    wxpay_transaction_id: order.transactionId ?? '',
    env: order.env,
  };
}
