import {
  prepareVirtualPaymentParams,
  type VirtualPaymentParamsInput,
} from '../validation/virtual-payment-params';
import { callHost } from './call-host';
import type { CallOptions } from './call-options';
import type { PaymentOutcome } from './outcome';

/**
 * Opens the host's virtual-goods cashier with `wx.requestVirtualPayment` (which has no
 * Promise form) and resolves what happened. `signData` given as a string reaches the host
 * byte for byte. Never rejects.
 */
export function requestVirtualPayment(
  params: VirtualPaymentParamsInput,
  options?: CallOptions,
): Promise<PaymentOutcome> {
  return callHost('requestVirtualPayment', prepareVirtualPaymentParams(params), options);
}
