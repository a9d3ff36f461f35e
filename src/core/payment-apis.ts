/**
 * The host APIs that open a cashier (or, for a merchant transfer, the page where the user
 * confirms receipt). Every one of them counts for the host lock: one at a time per host.
 */
export type PaymentApi =
  | 'requestPayment'
  | 'requestVirtualPayment'
  | 'requestOrderPayment'
  | 'requestCommonPayment'
  | 'requestPluginPayment'
  | 'requestMerchantTransfer';
