import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hmacSha256Valid } from '../crypto/hmac';
import type { Merchant } from '../merchants/merchant';
import { appidsOf } from '../mini-program/app-secrets';
import { appKeyOf, type PaymentEnv } from '../mini-program/config-rules';
import { WX_ERRORS } from '../mini-program/wx-api-error';
import { appidOfToken, jsonBodyOf, queryValue } from '../mini-program/wx-api-scope';
import type { Fields } from '../validation/fields';
import { type VirtualPaymentConfig, virtualPaymentOf } from './config';
import { XPAY_ERRORS } from './xpay-errors';

/** A request to a virtual payment server API, its access_token and pay_sig verified. */
export interface XpayRequest {
  readonly merchant: Merchant;
  readonly config: VirtualPaymentConfig;
  readonly env: PaymentEnv;
  readonly fields: Fields;
}

/**
 * Verifies a `/xpay/...` request: its access_token names a mini program with virtual payment
 * (48001 otherwise), and `pay_sig = hmac_sha256(AppKey of the body's env, uri + "&" + body)`
 * over the exact body bytes (268490003 otherwise).
 */
export function verifyXpayRequest(scope: FastifyInstance, request: FastifyRequest): XpayRequest {
  const appid = appidOfToken(scope, request);
  const candidates = scope.sim.merchants
    .list()
    .filter((merchant) => appidsOf(merchant).includes(appid) && virtualPaymentOf(merchant));
  if (candidates.length === 0) {
    throw WX_ERRORS.apiUnauthorized(`no merchant registered virtualPayment for ${appid}`);
  }
  const { raw, fields } = jsonBodyOf(request);
  const env = fields.requiredInteger('env', 0, 1) as PaymentEnv;
  const paySig = queryValue(request, 'pay_sig');
  if (paySig === undefined) throw XPAY_ERRORS.paySigMissing();
  const uri = request.url.split('?')[0] ?? '';
  const message = Buffer.concat([Buffer.from(`${uri}&`, 'utf8'), raw]);
  for (const merchant of candidates) {
    const config = virtualPaymentOf(merchant);
    if (config && hmacSha256Valid(appKeyOf(config.appKeys, env), message, paySig)) {
      request.sim.merchant = merchant;
      request.sim.verdict = { verified: true };
      return { merchant, config, env, fields };
    }
  }
  const reason = `pay_sig is not hmac_sha256(AppKey of env ${env}, "${uri}&" + body)`;
  request.sim.verdict = { verified: false, reason };
  throw XPAY_ERRORS.paySigInvalid(reason);
}
