import type * as Receives from './host-payment-options';

/** What `wx.request` receives from the library's `httpBackend`. */
export interface HostRequestOptions {
  url: string;
  method?: 'GET' | 'POST';
  data?: string | Record<string, unknown>;
  header?: Record<string, string>;
  timeout?: number;
  success?(result: { statusCode: number; data: unknown }): void;
  fail?(error: { errMsg: string }): void;
}

/**
 * The part of `wx` the library uses. Every member is optional: a missing one is reported,
 * never called. `wx`, a superapp's `wx` and the testing kit's fake host all fit.
 */
export interface PaymentHost {
  requestPayment?(options: Receives.HostPaymentOptions): unknown;
  requestVirtualPayment?(options: Receives.HostVirtualPaymentOptions): unknown;
  requestOrderPayment?(options: Receives.HostOrderPaymentOptions): unknown;
  requestCommonPayment?(options: Receives.HostCommonPaymentOptions): unknown;
  requestPluginPayment?(options: Receives.HostPluginPaymentOptions): unknown;
  requestMerchantTransfer?(options: Receives.HostMerchantTransferOptions): unknown;
  canIUse?(schema: string): boolean;
  onAppShow?(listener: (options: unknown) => void): void;
  offAppShow?(listener: (options: unknown) => void): void;
  getStorageSync?(key: string): unknown;
  setStorageSync?(key: string, data: unknown): void;
  removeStorageSync?(key: string): void;
  request?(options: HostRequestOptions): unknown;
}

/** The injected host, else the global `wx`, else undefined. */
export function resolveHost(host?: PaymentHost): PaymentHost | undefined {
  if (host) return host;
  return typeof wx === 'object' && wx ? (wx as PaymentHost) : undefined;
}
