import { type PaymentParamsInput, preparePaymentParams } from '../validation/payment-params';
import { callHost } from './call-host';
import type { CallOptions } from './call-options';
import type { PaymentOutcome } from './outcome';

/**
 * Opens the host's cashier with `wx.requestPayment` and resolves what happened.
 * Never rejects; bad parameters resolve `invalid_params` without touching the host.
 * An `ok` is a hint: confirm the order with your backend.
 *
 * @example
 * const outcome = await requestPayment(paramsFromYourServer)
 * if (outcome.status === 'ok') await confirmWithYourServer(orderId)
 */
export function requestPayment(
  params: PaymentParamsInput,
  options?: CallOptions,
): Promise<PaymentOutcome> {
  return callHost('requestPayment', preparePaymentParams(params), options);
}
