import { b2bMerchant } from '../b2b/config';
import { checkB2bSignData } from '../b2b/sign-data';
import { hmacSha256Valid } from '../crypto/hmac';
import { appKeyOf } from '../mini-program/config-rules';
import { parseSignData } from '../mini-program/sign-data';
import type { SimulatorServices } from '../plugins/services';
import type { CashierRequest } from './cashier';
import { noteCashier } from './cashier-note';
import { commonCallbacks as answers } from './family-callbacks';
import type { HostCallback } from './host-callbacks';
import { checkUserSignature } from './user-signature';

const MODES = [
  'retail_pay_goods',
  'retail_pay_indirect_goods',
  'retail_pay_combined_goods',
  'retail_pay_goods_new',
];

/**
 * wx.requestCommonPayment's cashier (B2b): signData a string naming a merchant with B2b
 * payment (bound to the mini program calling) and passing its checks; `paySig` with the
 * AppKey of signData's env over "requestCommonPayment&" + signData; `signature` with the
 * user's session_key (no session: it cannot verify); then the order of that out_trade_no:
 * opened from this very signData by this user, not paid, not closed. A failed payment leaves
 * it open (B2b has no failed pay_status).
 */
export async function requestCommonPayment(
  request: CashierRequest,
  sim: SimulatorServices,
): Promise<HostCallback> {
  const { signData, mode, paySig, signature } = request.params;
  if (typeof signData !== 'string') return answers.signDataNotString();
  if (typeof mode !== 'string') return answers.wrongType('mode', mode);
  if (typeof paySig !== 'string') return answers.wrongType('paySig', paySig);
  if (typeof signature !== 'string') return answers.wrongType('signature', signature);
  if (!MODES.includes(mode)) return answers.badMode();
  const data = parseSignData(signData);
  if (!data) return answers.badSignData('signData is not a JSON object');
  const found = b2bMerchant(sim.merchants, data.mchid);
  if (!found) return answers.badSignData('mchid is not this merchant');
  const { merchant, config } = found;
  const appid = request.appId ?? merchant.record.appids[0] ?? '';
  if (!merchant.record.appids.includes(appid)) {
    return answers.badSignData('mchid is not bound to this mini program');
  }
  const checked = checkB2bSignData(data, merchant.mchid);
  if (!checked.ok) return answers.badSignData(checked.reason);
  const appKey = appKeyOf(config.appKeys, checked.fields.env);
  if (!hmacSha256Valid(appKey, `requestCommonPayment&${signData}`, paySig)) {
    return answers.badPaySig();
  }
  const existing = sim.b2bOrders.find(merchant.mchid, checked.fields.outTradeNo);
  const openid = request.openid ?? (existing?.openid || undefined);
  const user = checkUserSignature(sim.sessions, signData, signature, openid);
  if (user.kind !== 'signed') return answers.badSignature();
  if (existing?.payStatus === 'ORDER_CLOSE') return answers.closed();
  if (existing && existing.payStatus !== 'ORDER_PRE_PAY') return answers.alreadyPaid();
  if (existing && (existing.signData !== signData || existing.openid !== user.openid)) {
    return answers.outTradeNoReused();
  }
  if (request.action === 'cancel') {
    if (existing)
      await noteCashier(sim.b2bOrders, existing, request, answers.cancel(), sim.clock.now());
    return answers.cancel();
  }
  const order = await sim.b2bOrders.open({
    appid,
    openid: user.openid,
    signData,
    fields: checked.fields,
  });
  if (request.action === 'fail')
    return noteCashier(sim.b2bOrders, order, request, answers.failed(), sim.clock.now());
  await noteCashier(sim.b2bOrders, order, request, answers.ok(), sim.clock.now());
  await sim.b2bOrders.pay(order, request.plan);
  return answers.ok();
}
