import {
  type MerchantTransferParamsInput,
  prepareMerchantTransferParams,
} from '../validation/merchant-transfer-params';
import { callHost } from './call-host';
import type { CallOptions } from './call-options';
import type { PaymentOutcome } from './outcome';

/**
 * Opens the page where the user confirms receipt of a merchant transfer, with
 * `wx.requestMerchantTransfer`, and resolves what happened. Its `ok` only means the page was
 * shown: the transfer bill's state (SUCCESS) says whether the money arrived. Never rejects.
 */
export function requestMerchantTransfer(
  params: MerchantTransferParamsInput,
  options?: CallOptions,
): Promise<PaymentOutcome> {
  return callHost('requestMerchantTransfer', prepareMerchantTransferParams(params), options);
}
