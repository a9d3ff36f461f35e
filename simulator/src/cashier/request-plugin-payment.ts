import { isRecord } from '../lib/json';
import { isPaid, type OrderRecord, payingAppid, payingOpenid } from '../payments/order';
import type { SimulatorServices } from '../plugins/services';
import { actOnOrder } from './act-on-order';
import type { CashierRequest } from './cashier';
import { cashierNote } from './cashier-note';
import { pluginCallbacks as answers } from './family-callbacks';
import { type HostCallback, typeName } from './host-callbacks';

const VERSIONS = ['release', 'trial', 'develop'];

/**
 * wx.requestPluginPayment, as the host's payment functional page runs it. The page hands
 * `paymentArgs` to the plugin owner's `beforeRequestPayment`, whose requestPayment pays a
 * JSAPI order; the simulator plays that code as a plugin owner would write it: the order is
 * the JSAPI order whose out_trade_no is `paymentArgs.out_trade_no` (of the mini program
 * calling, when `appId` is given). `version` must be release, trial or develop and `fee` a
 * number; `fee` must be the order's total, `currencyType` (when given) its currency, the user
 * its payer; then the order is paid as requestPayment pays it.
 */
export async function requestPluginPayment(
  request: CashierRequest,
  sim: SimulatorServices,
): Promise<HostCallback> {
  const { version, fee, paymentArgs, currencyType } = request.params;
  if (typeof version !== 'string' || !VERSIONS.includes(version)) {
    return answers.badParameter(
      `parameter.version should be release, trial or develop instead of ${typeName(version)};`,
    );
  }
  if (typeof fee !== 'number') {
    return answers.badParameter(`parameter.fee should be Number instead of ${typeName(fee)};`);
  }
  const outTradeNo = isRecord(paymentArgs) ? paymentArgs.out_trade_no : undefined;
  const order = typeof outTradeNo === 'string' ? pluginOrder(sim, outTradeNo, request) : undefined;
  if (!order) return answers.unknownOrder();
  const answer = await decide(request, sim, order, { fee, currencyType });
  order.lastCashier = cashierNote(request, answer, sim.clock.now());
  await sim.orders.saved(order);
  return answer;
}

async function decide(
  request: CashierRequest,
  sim: SimulatorServices,
  order: OrderRecord,
  params: { readonly fee: number; readonly currencyType: unknown },
): Promise<HostCallback> {
  if (params.fee !== order.total) return answers.mismatch('fee');
  if (params.currencyType !== undefined && params.currencyType !== order.currency) {
    return answers.mismatch('currencyType');
  }
  if (request.openid !== undefined && request.openid !== payingOpenid(order)) {
    return answers.mismatch('the payer');
  }
  if (isPaid(order)) return answers.alreadyPaid();
  if (order.tradeState !== 'NOTPAY') return answers.closed();
  const latest = order.prepays[order.prepays.length - 1];
  if (!latest || sim.orders.isExpired(order, latest.id)) return answers.expired();
  return actOnOrder(order, request, sim, answers);
}

/** The newest JSAPI order with this out_trade_no, paid in the mini program calling if named. */
function pluginOrder(
  sim: SimulatorServices,
  outTradeNo: string,
  request: CashierRequest,
): OrderRecord | undefined {
  let found: OrderRecord | undefined;
  for (const order of sim.orders.list()) {
    if (order.outTradeNo !== outTradeNo) continue;
    if (request.appId !== undefined && payingAppid(order) !== request.appId) continue;
    if (!found || order.createdAt > found.createdAt) found = order;
  }
  return found;
}
