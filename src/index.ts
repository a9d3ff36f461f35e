export { createCheckout } from './checkout/create-checkout';
export { type HttpBackendOptions, httpBackend } from './checkout/http-backend';
export {
  HttpBackendError,
  type HttpBackendErrorDetails,
  isHttpBackendError,
} from './checkout/http-error';
export type { CheckoutConfig, CheckoutStage, ConfirmOptions } from './checkout/options';
export type { Checkout, CheckoutFailCode, CheckoutResult, PaymentBackend } from './checkout/types';
export type { AbortSignalLike } from './core/abort-signal';
export type { CallOptions } from './core/call-options';
export type { HostRequestOptions, PaymentHost } from './core/host';
export type {
  HostCallbacks,
  HostCommonPaymentOptions,
  HostMerchantTransferOptions,
  HostOrderPaymentOptions,
  HostPaymentOptions,
  HostPluginPaymentOptions,
  HostVirtualPaymentOptions,
} from './core/host-payment-options';
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
export type { PaymentApi } from './core/payment-apis';
export { requestCommonPayment } from './core/request-common-payment';
export { requestMerchantTransfer } from './core/request-merchant-transfer';
export { requestOrderPayment } from './core/request-order-payment';
export { requestPayment } from './core/request-payment';
export { requestPluginPayment } from './core/request-plugin-payment';
export { requestVirtualPayment } from './core/request-virtual-payment';
export { DEFAULT_CONFIRM } from './defaults';
export { toOrderState } from './shared/order-state';
export type { OrderKind, OrderSnapshot, OrderState, PreparedOrder } from './shared/wire-types';
export {
  type CommonPaymentParamsInput,
  type CommonSignData,
  validateCommonPaymentParams,
} from './validation/common-payment-params';
export {
  type MerchantTransferParamsInput,
  validateMerchantTransferParams,
} from './validation/merchant-transfer-params';
export {
  type OrderPaymentParamsInput,
  validateOrderPaymentParams,
} from './validation/order-payment-params';
export { type PaymentParamsInput, validatePaymentParams } from './validation/payment-params';
export {
  type PluginPaymentParamsInput,
  validatePluginPaymentParams,
} from './validation/plugin-payment-params';
export {
  type VirtualPaymentParamsInput,
  type VirtualSignData,
  validateVirtualPaymentParams,
} from './validation/virtual-payment-params';
