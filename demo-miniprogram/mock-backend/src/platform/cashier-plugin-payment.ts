import { isRecord } from '../domain/json-guards';
import type { CashierRequest, CashierServices } from './cashier-types';
import { pluginCallbacks } from './family-callbacks';
import { type HostCallback, typeName } from './host-callbacks';

const VERSIONS = ['release', 'trial', 'develop'];

/**
 * wx.requestPluginPayment, as the host's payment functional page runs it: `version`, `fee`
 * and `paymentArgs` checked against the plugin order `paymentArgs.out_trade_no` names (its
 * version, its total in fen, paymentArgs as given, byte for byte as JSON), `currencyType` its
 * currency when given; then the order's prepay_id is paid as requestPayment pays it.
 */
export async function requestPluginPayment(
  services: CashierServices,
  request: CashierRequest,
): Promise<HostCallback> {
  const { version, fee, paymentArgs, currencyType } = request.params;
  if (typeof version !== 'string' || !VERSIONS.includes(version)) {
    return pluginCallbacks.badParameter(
      `parameter.version should be release, trial or develop instead of ${typeName(version)};`,
    );
  }
  if (typeof fee !== 'number') {
    return pluginCallbacks.badParameter(
      `parameter.fee should be Number instead of ${typeName(fee)};`,
    );
  }
  const outTradeNo = isRecord(paymentArgs) ? paymentArgs.out_trade_no : undefined;
  const { wechatPay } = services;
  const payment = typeof outTradeNo === 'string' ? wechatPay.find(outTradeNo) : undefined;
  if (!payment?.plugin) return pluginCallbacks.unknownOrder();
  if (version !== payment.plugin.version) return pluginCallbacks.mismatch('version');
  if (fee !== payment.total) return pluginCallbacks.mismatch('fee');
  if (JSON.stringify(paymentArgs) !== payment.plugin.paymentArgs) {
    return pluginCallbacks.mismatch('paymentArgs');
  }
  if (currencyType !== undefined && currencyType !== payment.currency) {
    return pluginCallbacks.mismatch('currencyType');
  }
  if (request.openid !== undefined && request.openid !== payment.payerOpenid) {
    return pluginCallbacks.mismatch('the payer');
  }
  switch (payment.tradeState) {
    case 'SUCCESS':
    case 'REFUND':
      return pluginCallbacks.alreadyPaid();
    case 'CLOSED':
    case 'REVOKED':
    case 'PAYERROR':
      return pluginCallbacks.closed();
    default:
      break;
  }
  switch (request.action) {
    case 'cancel':
      return pluginCallbacks.cancel();
    case 'fail':
      await wechatPay.recordFailure(payment);
      return pluginCallbacks.failed();
    case 'pay':
      await wechatPay.recordSuccess(payment, request.plan);
      return pluginCallbacks.ok();
  }
}
