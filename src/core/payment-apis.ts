/**
 * The host APIs that open a cashier (or, for a merchant transfer, the page where the user
 * confirms receipt). Every one of them counts for the host lock: one at a time per host.
 */
export const PAYMENT_APIS = [
  'requestPayment',
  'requestVirtualPayment',
  'requestOrderPayment',
  'requestCommonPayment',
  'requestPluginPayment',
  'requestMerchantTransfer',
] as const;

/** One of {@link PAYMENT_APIS}. */
export type PaymentApi = (typeof PAYMENT_APIS)[number];
