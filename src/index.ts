export { createCheckout } from './checkout/create-checkout';
export { type HttpBackendOptions, httpBackend } from './checkout/http-backend';
export { toOrderState } from './checkout/order-state';
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
export { normalizeOutcome } from './core/normalize-outcome';
export type {
  CancelledOutcome,
  FailCode,
  FailedOutcome,
  HostChannel,
  OkOutcome,
  ParamIssue,
  PaymentOutcome,
} from './core/outcome';
export { requestPayment } from './core/request-payment';
export { requestVirtualPayment } from './core/request-virtual-payment';
export { DEFAULT_CONFIRM } from './defaults';
export { type PaymentParamsInput, validatePaymentParams } from './validation/payment-params';
export {
  type VirtualPaymentParamsInput,
  type VirtualSignData,
  validateVirtualPaymentParams,
} from './validation/virtual-payment-params';
