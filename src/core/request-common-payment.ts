import {
  type CommonPaymentParamsInput,
  prepareCommonPaymentParams,
} from '../validation/common-payment-params';
import { callHost } from './call-host';
import type { CallOptions } from './call-options';
import type { PaymentOutcome } from './outcome';

/**
 * Opens the B2b cashier with `wx.requestCommonPayment` (which has no Promise form) and resolves
 * what happened. `signData` given as a string reaches the host byte for byte. Never rejects; an
 * `ok` is a hint: confirm the order with your backend.
 */
export function requestCommonPayment(
  params: CommonPaymentParamsInput,
  options?: CallOptions,
): Promise<PaymentOutcome> {
  return callHost('requestCommonPayment', prepareCommonPaymentParams(params), options);
}
