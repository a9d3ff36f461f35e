import type { CheckoutFailCode } from '../checkout/types';

/** The languages `describeResult` speaks. */
export type MessageLocale = 'zh-CN' | 'en';

/**
 * What to show the person paying: `title` fits `wx.showToast` (at most 7 characters in
 * zh-CN, the toast's limit with an icon), `detail` is a sentence for `wx.showModal`.
 */
export interface ResultMessage {
  readonly title: string;
  readonly detail: string;
}

/** Every status and failure code a payment call or a checkout can resolve. */
export type MessageKey = 'ok' | 'cancelled' | 'paid' | 'pending' | CheckoutFailCode | 'unknown';

/** A locale's words for every status and code. */
export type MessageTable = { readonly [key in MessageKey]: ResultMessage };

/** A locale: the words of every result, and those that differ for a merchant transfer. */
export interface LocaleMessages {
  readonly messages: MessageTable;
  readonly transfer: Partial<MessageTable>;
}

/** Options of `describeResult`. */
export interface DescribeOptions {
  /**
   * The kind of order the result is about; a `CheckoutResult` of `pay()` carries its own.
   * `'transfer'` (a merchant transfer, `requestMerchantTransfer`) says "received", not "paid".
   * @default the result's `kind`, else a payment
   */
  readonly kind?: string;
}
