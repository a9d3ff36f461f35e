import type { VirtualMode } from '../storage/state';
import { virtualPaySigValid, virtualSignatureValid } from './cashier-signatures';
import type { CashierRequest, CashierServices } from './cashier-types';
import { type HostCallback, virtualCallbacks } from './host-callbacks';
import type { PlatformContext } from './platform-context';
import { checkSignData } from './sign-data';

/** wx.requestVirtualPayment; the pay signature may be named `paySig` or `paySign`. */
export async function requestVirtualPayment(
  context: PlatformContext,
  services: CashierServices,
  request: CashierRequest,
): Promise<HostCallback> {
  const { params } = request;
  const { signData, mode, signature } = params;
  const paySig = params.paySig ?? params.paySign;
  if (typeof signData !== 'string') return virtualCallbacks.wrongType('signData', signData);
  if (typeof mode !== 'string') return virtualCallbacks.wrongType('mode', mode);
  if (typeof paySig !== 'string') return virtualCallbacks.wrongType('paySig', paySig);
  if (typeof signature !== 'string') return virtualCallbacks.wrongType('signature', signature);
  if (mode !== 'short_series_goods' && mode !== 'short_series_coin') {
    return virtualCallbacks.badMode();
  }
  const check = checkSignData(signData, mode, context.config.offerId);
  if (!check.ok) return virtualCallbacks.badSignData();
  const appKey = context.keys.appKeyForEnv(check.fields.env);
  if (!virtualPaySigValid(signData, paySig, appKey)) return virtualCallbacks.badPaySig();
  const openid =
    request.openid ??
    context.state.orders.get(check.fields.outTradeNo)?.openid ??
    context.config.defaultOpenid;
  const sessionKey = services.login.sessionKeyOf(openid);
  if (sessionKey === undefined) return virtualCallbacks.sessionExpired();
  if (!virtualSignatureValid({ mode, signData, appKey, sessionKey }, signature)) {
    return virtualCallbacks.badSignature();
  }
  const { virtualPayment } = services;
  const existing = virtualPayment.find(check.fields.outTradeNo);
  if (existing && (existing.status !== 1 || existing.signData !== signData)) {
    return virtualCallbacks.outTradeNoReused();
  }
  if (existing && existing.openid !== openid) return virtualCallbacks.outTradeNoReused();
  if (request.action === 'cancel') return virtualCallbacks.cancel();
  const order = await virtualPayment.open({
    openid,
    mode: mode as VirtualMode,
    signData,
    fields: check.fields,
    unitPrice: check.unitPrice,
    total: check.total,
  });
  if (request.action === 'fail') return virtualCallbacks.failed();
  await virtualPayment.recordSuccess(order, request.plan);
  return virtualCallbacks.ok();
}
