import type { CheckoutResult, PaymentOutcome } from 'miniprogram-pay';
import { describeResult } from 'miniprogram-pay/messages';
import en from '../../src/messages/en.json';
import zhCN from '../../src/messages/zh-CN.json';

const received: CheckoutResult = {
  status: 'paid',
  orderId: 'bill-1',
  order: { orderId: 'bill-1', state: 'paid' },
  kind: 'transfer',
};
const shown: PaymentOutcome = { status: 'ok', errMsg: 'requestMerchantTransfer:ok', raw: {} };

describe('Messages for the person paying: a merchant transfer is received, not paid', () => {
  test('a pay() result of a transfer order says received', () => {
    expect(describeResult(received)).toEqual({
      title: '已到账',
      detail: '转账已到账，请在微信零钱中查看。',
    });
    expect(describeResult(received, 'en')).toEqual({
      title: 'Received',
      detail: 'The transfer arrived. You can see it in your WeChat balance.',
    });
    expect(describeResult({ ...received, kind: 'payment' }).title).toBe('支付成功');
  });

  test('requestMerchantTransfer’s own outcome, with { kind: "transfer" }: its ok only means the page was shown', () => {
    expect(describeResult(shown, 'zh-CN', { kind: 'transfer' })).toEqual({
      title: '收款处理中',
      detail: '正在确认到账结果，请稍候。',
    });
    expect(describeResult(shown).title).toBe('支付已提交');
  });

  test('where a transfer has no words of its own, the payment words stand', () => {
    const busy: CheckoutResult = { status: 'failed', code: 'busy', detail: 'x', kind: 'transfer' };
    expect(describeResult(busy)).toEqual(zhCN.messages.busy);
  });

  // busy: what holds the host may be a payment; order_refunded: a transfer bill is never refunded.
  const SHARED_WITH_PAYMENTS = ['busy', 'order_refunded'];
  const STATUSES = ['ok', 'cancelled', 'paid', 'pending'];
  test.each([
    ['zh-CN', /转账|收款|到账/],
    ['en', /transfer/i],
  ] as const)(
    '%s: every other result of a transfer speaks of the transfer, not of an order to pay',
    (locale, transferWords) => {
      const keys = Object.keys(zhCN.messages).filter((key) => !SHARED_WITH_PAYMENTS.includes(key));
      for (const key of keys) {
        const result = STATUSES.includes(key)
          ? { status: key, orderId: 'bill-1', kind: 'transfer' }
          : { status: 'failed', code: key, detail: 'why', kind: 'transfer' };
        const { detail } = describeResult(result as CheckoutResult, locale);
        expect([key, detail]).toEqual([key, expect.stringMatching(transferWords)]);
      }
    },
  );

  test.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)(
    '%s: every transfer entry overrides a known key, and fits a toast',
    (locale, words) => {
      for (const [key, message] of Object.entries(words.transfer)) {
        expect(Object.keys(words.messages)).toContain(key);
        expect(message.title && message.detail).toBeTruthy();
        expect([...message.title].length).toBeLessThanOrEqual(locale === 'zh-CN' ? 7 : 16);
      }
      expect(Object.keys(words.transfer).sort()).toEqual(
        Object.keys(locale === 'zh-CN' ? en.transfer : zhCN.transfer).sort(),
      );
    },
  );

  test('a kind that cannot be read is not a transfer, and nothing throws', () => {
    const hostile = new Proxy(received, {
      get(target, key) {
        if (key === 'kind') throw new Error('no');
        return Reflect.get(target, key);
      },
    });
    expect(describeResult(hostile).title).toBe('支付成功');
  });
});
