// miniprogram-pay/server: the merchant server's half, for Node 18+ (node:crypto only).

export { toOrderState } from '../shared/order-state';
export type { OrderSnapshot, OrderState } from '../shared/wire-types';
export type { ActiveQueryOptions } from './active-query';
export { type CreateNotificationOptions, createNotification } from './create-notification';
export {
  type MerchantTransferParams,
  type MerchantTransferParamsOptions,
  merchantTransferParams,
} from './merchant-transfer-params';
export type { PaymentNotification } from './notification-body';
export type { HeadersInput } from './notification-headers';
export {
  type NotificationRefusalCode,
  type NotificationRequest,
  SIGNATURE_TYPE,
  type VerifyNotificationOptions,
  type VerifyNotificationResult,
} from './notification-types';
export { createMemoryEvents, type OrderEvents } from './order-events';
export {
  createOrderStatusRoute,
  type OrderStatusAnswer,
  type OrderStatusRoute,
  type OrderStatusRouteOptions,
} from './order-status-route';
export { createOrderWatch, type OrderWatch, type OrderWatchOptions } from './order-watch';
export {
  createRedisEvents,
  type RedisEventsOptions,
  type RedisLike,
  type RedisMessageListener,
  type RedisOrderEvents,
} from './redis-events';
export {
  decryptResource,
  type EncryptedResource,
  type EncryptResourceOptions,
  encryptResource,
} from './resource-cipher';
export type { FastifyLike, FastifyReplyLike, FastifyRequestLike } from './route-fastify';
export type { HttpRequestLike, HttpResponseLike } from './route-http';
export type { KoaContextLike } from './route-koa';
export {
  type CommonPaymentMode,
  type CommonPaymentParams,
  type SignCommonPaymentOptions,
  signCommonPayment,
} from './sign-common-payment';
export {
  type NotificationHeaders,
  type SignNotificationOptions,
  signNotification,
} from './sign-notification';
export { type PaymentParams, type SignPaymentOptions, signPayment } from './sign-payment';
export {
  type PaymentParamsV2,
  type SignPaymentV2Options,
  signPaymentV2,
  signV2Params,
  type V2SignType,
} from './sign-payment-v2';
export {
  type SignVirtualPaymentApiOptions,
  type SignVirtualPaymentOptions,
  signVirtualPayment,
  signVirtualPaymentApi,
  type VirtualPaymentMode,
  type VirtualPaymentParams,
} from './sign-virtual-payment';
export { verifyNotification } from './verify-notification';
export {
  type NotificationV2RefusalCode,
  type VerifyNotificationV2Options,
  type VerifyNotificationV2Result,
  verifyNotificationV2,
} from './verify-notification-v2';
export type {
  Refund,
  RefundStatus,
  TradeState,
  Transaction,
  TransferBill,
} from './wechatpay-resources';
