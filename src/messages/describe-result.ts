import type { CheckoutResult } from '../checkout/types';
import type { PaymentOutcome } from '../core/outcome';
import { EN, ZH_CN } from './locales';
import type {
  DescribeOptions,
  LocaleMessages,
  MessageKey,
  MessageLocale,
  ResultMessage,
} from './types';

const MESSAGE_KEYS = Object.keys(ZH_CN.messages) as MessageKey[];
const STATUS_KEYS: MessageKey[] = ['ok', 'cancelled', 'paid', 'pending'];

/**
 * What to tell the person paying about a payment call's outcome or a checkout's result:
 * a `title` for `wx.showToast` and a `detail` sentence for `wx.showModal`. A merchant transfer
 * is "received" (到账), not "paid": a `pay()` result of a `transfer` order carries its kind;
 * for `requestMerchantTransfer`'s own outcome pass `{ kind: 'transfer' }`. Never throws;
 * anything it does not recognise reads as "not sure yet".
 *
 * @param locale - `'zh-CN'` (the default) or `'en'`
 * @example
 * const result = await checkout.pay(input)
 * const { title, detail } = describeResult(result)
 * if (result.status === 'paid') wx.showToast({ title, icon: 'success' })
 * else wx.showModal({ title, content: detail, showCancel: false })
 */
export function describeResult(
  result: PaymentOutcome | CheckoutResult,
  locale: MessageLocale = 'zh-CN',
  options: DescribeOptions = {},
): ResultMessage {
  const words = localeOf(locale);
  const key = keyOf(result);
  const transfer = isTransfer(result, options) ? words.transfer[key] : undefined;
  return transfer ?? words.messages[key];
}

/** The words of a known locale; anything else (an odd value, `toString`) reads as zh-CN. */
function localeOf(locale: unknown): LocaleMessages {
  return locale === 'en' ? EN : ZH_CN;
}

function keyOf(result: PaymentOutcome | CheckoutResult): MessageKey {
  try {
    if (result.status !== 'failed') {
      return STATUS_KEYS.indexOf(result.status) >= 0 ? result.status : 'unknown';
    }
    const { code } = result;
    return MESSAGE_KEYS.indexOf(code) >= 0 && STATUS_KEYS.indexOf(code) < 0 ? code : 'unknown';
  } catch {
    return 'unknown';
  }
}

function isTransfer(result: PaymentOutcome | CheckoutResult, options: DescribeOptions): boolean {
  try {
    return (options?.kind ?? (result as { kind?: unknown }).kind) === 'transfer';
  } catch {
    return false;
  }
}
