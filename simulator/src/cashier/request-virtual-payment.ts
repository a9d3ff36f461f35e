import { hmacSha256Valid } from '../crypto/hmac';
import { appKeyOf } from '../mini-program/config-rules';
import { parseSignData } from '../mini-program/sign-data';
import type { SimulatorServices } from '../plugins/services';
import { merchantOfOffer } from '../virtual-payment/config';
import { checkSignData } from '../virtual-payment/sign-data';
import { VIRTUAL_MODES } from '../virtual-payment/virtual-order';
import type { CashierRequest } from './cashier';
import { noteCashier } from './cashier-note';
import { virtualCallbacks as answers } from './family-callbacks';
import type { HostCallback } from './host-callbacks';
import { checkUserSignature } from './user-signature';

/**
 * wx.requestVirtualPayment's cashier: `signData`, `mode`, `paySig` (or TCMPP's `paySign`) and
 * `signature` are strings; signData names the offerId of a merchant with virtual payment (and
 * the mini program calling is one of its AppIDs) and passes its checks; `paySig` is
 * hmac_sha256(AppKey of signData's env, "requestVirtualPayment&" + signData); `signature` is
 * hmac_sha256(session_key, signData) of the user; outTradeNo is new, or the same order not
 * yet paid. Then the order is opened and paid, failed or left as the user chose.
 */
export async function requestVirtualPayment(
  request: CashierRequest,
  sim: SimulatorServices,
): Promise<HostCallback> {
  const { params } = request;
  const { signData, mode, signature } = params;
  const paySig = params.paySig ?? params.paySign;
  if (typeof signData !== 'string') return answers.wrongType('signData', signData);
  if (typeof mode !== 'string') return answers.wrongType('mode', mode);
  if (typeof paySig !== 'string') return answers.wrongType('paySig', paySig);
  if (typeof signature !== 'string') return answers.wrongType('signature', signature);
  const knownMode = VIRTUAL_MODES.find((name) => name === mode);
  if (knownMode === undefined) return answers.badMode();
  const data = parseSignData(signData);
  const found = data && merchantOfOffer(sim.merchants, data.offerId);
  if (!data || !found) return answers.badSignData();
  const { merchant, config } = found;
  const appid = request.appId ?? merchant.record.appids[0] ?? '';
  if (!merchant.record.appids.includes(appid)) return answers.badSignData();
  const checked = checkSignData(data, knownMode, config);
  if (!checked.ok) return answers.badSignData();
  const appKey = appKeyOf(config.appKeys, checked.fields.env);
  if (!hmacSha256Valid(appKey, `requestVirtualPayment&${signData}`, paySig)) {
    return answers.badPaySig();
  }
  const existing = sim.virtualOrders.find(merchant.mchid, checked.fields.outTradeNo);
  const user = checkUserSignature(
    sim.sessions,
    signData,
    signature,
    request.openid ?? existing?.openid,
  );
  if (user.kind === 'no-session') return answers.sessionExpired();
  if (user.kind === 'bad-signature') return answers.badSignature();
  if (existing && (existing.status !== 1 || existing.signData !== signData)) {
    return answers.outTradeNoReused();
  }
  if (existing && existing.openid !== user.openid) return answers.outTradeNoReused();
  if (request.action === 'cancel') {
    if (existing)
      await noteCashier(sim.virtualOrders, existing, request, answers.cancel(), sim.clock.now());
    return answers.cancel();
  }
  const order = await sim.virtualOrders.open({
    mchid: merchant.mchid,
    offerId: config.offerId,
    appid,
    openid: user.openid,
    mode: knownMode,
    signData,
    checked,
  });
  if (request.action === 'fail')
    return noteCashier(sim.virtualOrders, order, request, answers.failed(), sim.clock.now());
  await noteCashier(sim.virtualOrders, order, request, answers.ok(), sim.clock.now());
  await sim.virtualOrders.pay(order, request.plan);
  return answers.ok();
}
