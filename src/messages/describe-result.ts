import type { CheckoutResult } from '../checkout/types';
import type { PaymentOutcome } from '../core/outcome';
import { EN, ZH_CN } from './locales';
import type { MessageKey, MessageLocale, MessageTable, ResultMessage } from './types';

const MESSAGE_KEYS = Object.keys(ZH_CN) as MessageKey[];
const STATUS_KEYS: MessageKey[] = ['ok', 'cancelled', 'paid', 'pending'];

const TABLES: { readonly [locale in MessageLocale]: MessageTable } = { 'zh-CN': ZH_CN, en: EN };

/**
 * What to tell the person paying about a payment call's outcome or a checkout's result:
 * a `title` for `wx.showToast` and a `detail` sentence for `wx.showModal`. Never throws;
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
): ResultMessage {
  return tableOf(locale)[keyOf(result)];
}

/** The table of a known locale; anything else (an odd value, `toString`) reads as zh-CN. */
function tableOf(locale: unknown): MessageTable {
  return locale === 'en' ? TABLES.en : TABLES['zh-CN'];
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
