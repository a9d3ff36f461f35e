// Compiled by `tsc -p tsconfig.types.json` (part of `npm run typecheck`), never run.
import { expectTypeOf } from 'expect-type';
import type { CheckoutResult, PaymentOutcome } from '../../src/index';
import { describeResult, type MessageLocale, type ResultMessage } from '../../src/messages/index';

declare const outcome: PaymentOutcome;
declare const result: CheckoutResult;
declare const realWx: WechatMiniprogram.Wx;

// Takes a payment call's outcome or a checkout's result, and an optional locale.
expectTypeOf(describeResult).parameter(0).toEqualTypeOf<PaymentOutcome | CheckoutResult>();
expectTypeOf(describeResult).parameter(1).toEqualTypeOf<MessageLocale | undefined>();
expectTypeOf<MessageLocale>().toEqualTypeOf<'zh-CN' | 'en'>();
expectTypeOf(describeResult).returns.toEqualTypeOf<ResultMessage>();
expectTypeOf<ResultMessage>().toEqualTypeOf<{ readonly title: string; readonly detail: string }>();

describeResult(outcome);
describeResult(result, 'en');
describeResult(result, 'zh-CN');

// Narrowed results are accepted as they are.
if (result.status === 'failed') describeResult(result, 'en');
if (outcome.status === 'cancelled') describeResult(outcome);
// A result built in place is checked against the union.
describeResult({ status: 'pending', orderId: 'o-1', detail: 'confirming' });
describeResult({ status: 'failed', code: 'order_closed', detail: 'closed' });

// What it returns goes straight into wx.showToast and wx.showModal.
const message = describeResult(result);
realWx.showToast({ title: message.title, icon: 'none' });
realWx.showModal({ title: message.title, content: message.detail, showCancel: false });

// Misuse is rejected.
// @ts-expect-error not a locale the messages speak
describeResult(result, 'fr');
// @ts-expect-error locales are spelt as BCP 47 tags: zh-CN, not zh-cn
describeResult(result, 'zh-cn');
// @ts-expect-error not a status of a payment call or a checkout
describeResult({ status: 'done' });
// @ts-expect-error not a failure code
describeResult({ status: 'failed', code: 'exploded', detail: 'x' });
// @ts-expect-error a result is required
describeResult();
// @ts-expect-error the message is read-only
message.title = 'Paid';
