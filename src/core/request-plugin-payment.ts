import {
  type PluginPaymentParamsInput,
  preparePluginPaymentParams,
} from '../validation/plugin-payment-params';
import { callHost } from './call-host';
import type { CallOptions } from './call-options';
import type { PaymentOutcome } from './outcome';

/**
 * Pays from inside a plugin with `wx.requestPluginPayment`, through the host's payment
 * functional page, and resolves what happened. It runs in plugins only, not in an ordinary mini
 * program page. Never rejects; an `ok` is a hint.
 */
export function requestPluginPayment(
  params: PluginPaymentParamsInput,
  options?: CallOptions,
): Promise<PaymentOutcome> {
  return callHost('requestPluginPayment', preparePluginPaymentParams(params), options);
}
