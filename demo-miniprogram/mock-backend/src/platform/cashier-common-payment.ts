import { safeEqual } from '../domain/safe-equal';
import { signCommonPayment, signVirtualPaymentApi } from '../server-kit';
import { checkB2bSignData } from './b2b-sign-data';
import type { CashierRequest, CashierServices } from './cashier-types';
import { commonCallbacks } from './family-callbacks';
import type { HostCallback } from './host-callbacks';
import type { PlatformContext } from './platform-context';

const MODES = [
  'retail_pay_goods',
  'retail_pay_indirect_goods',
  'retail_pay_combined_goods',
  'retail_pay_goods_new',
] as const;

/**
 * wx.requestCommonPayment (B2b): signData a string and checked, paySig with the AppKey of
 * signData's env over `"requestCommonPayment&" + signData`, signature with the user's
 * session_key (no session: the signature cannot verify), then the platform's order of that
 * out_trade_no: opened from this very signData, not paid, not closed.
 */
export async function requestCommonPayment(
  context: PlatformContext,
  services: CashierServices,
  request: CashierRequest,
): Promise<HostCallback> {
  const { signData, mode, paySig, signature } = request.params;
  if (typeof signData !== 'string') return commonCallbacks.signDataNotString();
  if (typeof mode !== 'string') return commonCallbacks.wrongType('mode', mode);
  if (typeof paySig !== 'string') return commonCallbacks.wrongType('paySig', paySig);
  if (typeof signature !== 'string') return commonCallbacks.wrongType('signature', signature);
  const knownMode = MODES.find((name) => name === mode);
  if (knownMode === undefined) return commonCallbacks.badMode();
  const check = checkB2bSignData(signData, context.config.mchId);
  if (!check.ok) return commonCallbacks.badSignData(check.reason);
  const appKey = context.keys.appKeyForEnv(check.fields.env);
  const expected = signVirtualPaymentApi({ uri: 'requestCommonPayment', body: signData, appKey });
  if (!safeEqual(paySig, expected.paySig)) return commonCallbacks.badPaySig();
  const openid =
    request.openid ??
    context.state.orders.get(check.fields.outTradeNo)?.openid ??
    context.config.defaultOpenid;
  const sessionKey = services.login.sessionKeyOf(openid);
  if (sessionKey === undefined) return commonCallbacks.badSignature();
  const signed = signCommonPayment({ mode: knownMode, signData, appKey, sessionKey });
  if (!safeEqual(signature, signed.signature)) return commonCallbacks.badSignature();
  const { b2bPayment } = services;
  const existing = b2bPayment.find(check.fields.outTradeNo);
  if (existing?.payStatus === 'ORDER_CLOSE') return commonCallbacks.closed();
  if (existing && existing.payStatus !== 'ORDER_PRE_PAY') return commonCallbacks.alreadyPaid();
  if (existing && (existing.signData !== signData || existing.openid !== openid)) {
    return commonCallbacks.outTradeNoReused();
  }
  if (request.action === 'cancel') return commonCallbacks.cancel();
  const order = await b2bPayment.open({ openid, signData, fields: check.fields });
  // A failed payment leaves the order open (ORDER_PRE_PAY): B2b has no failed pay_status.
  if (request.action === 'fail') return commonCallbacks.failed();
  await b2bPayment.recordSuccess(order, request.plan);
  return commonCallbacks.ok();
}
