import {
  type OrderPaymentParamsInput,
  prepareOrderPaymentParams,
} from '../validation/order-payment-params';
import { callHost } from './call-host';
import type { CallOptions } from './call-options';
import type { PaymentOutcome } from './outcome';

/**
 * Opens the cashier of the custom transaction component (video-account shops) with
 * `wx.requestOrderPayment` and resolves what happened. Its parameters are `requestPayment`'s
 * (`pkg` accepted) plus `orderInfo` and `extUserUin`. Never rejects; an `ok` is a hint: confirm
 * the order with your backend.
 */
export function requestOrderPayment(
  params: OrderPaymentParamsInput,
  options?: CallOptions,
): Promise<PaymentOutcome> {
  return callHost('requestOrderPayment', prepareOrderPaymentParams(params), options);
}
