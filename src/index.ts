// biome-ignore-all assist/source/organizeImports: the bundle keeps the modules in this order, and gzip (the size budget) measures it; reorder only with `npm run size`.
export { type PaymentParamsInput, validatePaymentParams } from './validation/payment-params';
export {
  type VirtualPaymentParamsInput,
  type VirtualSignData,
  validateVirtualPaymentParams,
} from './validation/virtual-payment-params';
export { normalizeOutcome } from './core/normalize-outcome';
export { toOrderState } from './checkout/order-state';
export { type HttpBackendOptions, httpBackend } from './checkout/http-backend';
export { createCheckout } from './checkout/create-checkout';
export { requestVirtualPayment } from './core/request-virtual-payment';
export { DEFAULT_CONFIRM } from './checkout/confirm-options';
export { requestPayment } from './core/request-payment';
export type {
  Checkout,
  CheckoutConfig,
  CheckoutFailCode,
  CheckoutResult,
  CheckoutStage,
  ConfirmOptions,
  OrderSnapshot,
  OrderState,
  PaymentBackend,
  PreparedOrder,
} from './checkout/types';
export type { AbortSignalLike } from './core/abort-signal';
export type { CallOptions } from './core/call-options';
export type {
  HostCallbacks,
  HostPaymentOptions,
  HostRequestOptions,
  HostVirtualPaymentOptions,
  PaymentHost,
} from './core/host';
export type {
  CancelledOutcome,
  FailCode,
  FailedOutcome,
  HostChannel,
  OkOutcome,
  ParamIssue,
  PaymentOutcome,
} from './core/outcome';
