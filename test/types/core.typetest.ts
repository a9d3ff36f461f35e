// Compiled by `tsc -p tsconfig.types.json` (part of `npm run typecheck`), never run.
import { expectTypeOf } from 'expect-type';
import {
  type AbortSignalLike,
  type FailCode,
  type HostChannel,
  normalizeOutcome,
  type ParamIssue,
  type PaymentHost,
  type PaymentOutcome,
  requestCommonPayment,
  requestMerchantTransfer,
  requestOrderPayment,
  requestPayment,
  requestPluginPayment,
  requestVirtualPayment,
  validatePaymentParams,
  validateVirtualPaymentParams,
} from '../../src/index';

declare const realWx: WechatMiniprogram.Wx;
declare const outcome: PaymentOutcome;

// The real `wx` from miniprogram-api-typings fits the host option.
export const host: PaymentHost = realWx;
requestPayment(
  { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', paySign: 's' },
  { host: realWx },
);
// A real AbortSignal fits.
requestPayment(
  { timeStamp: 1, nonceStr: 'n', pkg: 'prepay_id=1', paySign: 's', signType: 'RSA' },
  { signal: new AbortController().signal, timeoutMs: 1000 },
);
requestVirtualPayment({ mode: 'short_series_coin', signData: '{}', paySign: 'p', signature: 's' });

expectTypeOf(requestPayment).returns.resolves.toEqualTypeOf<PaymentOutcome>();
expectTypeOf(requestVirtualPayment).returns.resolves.toEqualTypeOf<PaymentOutcome>();
expectTypeOf(normalizeOutcome).parameters.toEqualTypeOf<[unknown, HostChannel?]>();
expectTypeOf(normalizeOutcome).returns.toEqualTypeOf<PaymentOutcome>();
// The validators take anything (a server's JSON) and name the bad fields.
expectTypeOf(validatePaymentParams).parameter(0).toBeUnknown();
expectTypeOf(validateVirtualPaymentParams).returns.toEqualTypeOf<ParamIssue[]>();

// A hand-made signal fits, for hosts without AbortController.
const handMade: AbortSignalLike = { aborted: false, addEventListener: () => {} };
requestPayment(v3Params(), { signal: handMade });

// Narrowing on status.
if (outcome.status === 'failed') {
  expectTypeOf(outcome.code).toEqualTypeOf<FailCode>();
  expectTypeOf(outcome.detail).toBeString();
  // errMsg is always text ('' when no host answered); raw is whatever the host delivered.
  expectTypeOf(outcome.errMsg).toBeString();
  expectTypeOf(outcome.raw).toBeUnknown();
  expectTypeOf(outcome.issues).toEqualTypeOf<ParamIssue[] | undefined>();
} else if (outcome.status === 'cancelled') {
  expectTypeOf(outcome.errCode).toEqualTypeOf<number | undefined>();
  // @ts-expect-error only failed outcomes have a code
  outcome.code;
} else {
  expectTypeOf(outcome.status).toEqualTypeOf<'ok'>();
  // @ts-expect-error only failed outcomes have a detail
  outcome.detail;
}

// Misuse is rejected.
const v3 = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', paySign: 's' };
// @ts-expect-error package (or pkg) is required
requestPayment({ timeStamp: '1', nonceStr: 'n', paySign: 's' });
// @ts-expect-error signType is one of RSA, MD5, HMAC-SHA256
requestPayment({ ...v3, signType: 'SHA1' });
// @ts-expect-error paySig or paySign is required
requestVirtualPayment({ mode: 'short_series_coin', signData: '{}', signature: 's' });
// @ts-expect-error mode is one of the two series
requestVirtualPayment({ mode: 'coins', signData: '{}', paySig: 'p', signature: 's' });
// @ts-expect-error timeoutMs is a number
requestPayment(v3, { timeoutMs: '5' });
// @ts-expect-error a signal needs addEventListener
requestPayment(v3, { signal: { aborted: false } });
// @ts-expect-error a host's requestPayment is a function
requestPayment(v3, { host: { requestPayment: true } });

// The rest of the family: their own parameter types, misuse rejected.
requestOrderPayment({ ...v3, orderInfo: { order_id: '1' }, extUserUin: 'u' });
// @ts-expect-error orderInfo is an object
requestOrderPayment({ ...v3, orderInfo: 'o-1' });
requestCommonPayment({ mode: 'retail_pay_goods', signData: '{}', paySig: 'p', signature: 's' });
// @ts-expect-error B2b modes are retail_pay_*
requestCommonPayment({ mode: 'short_series_coin', signData: '{}', paySig: 'p', signature: 's' });
requestPluginPayment({ version: 'release', fee: 1, paymentArgs: {} });
// @ts-expect-error version is release, trial or develop
requestPluginPayment({ version: 'beta', fee: 1, paymentArgs: {} });
requestMerchantTransfer({ mchId: 'm', appId: 'a', package: 'p' });
requestMerchantTransfer({ mchId: 'm', subMchId: 's', subAppId: 'sa', package: 'p' });
// @ts-expect-error a merchant names its appId (or, as a service provider, subMchId with an AppID)
requestMerchantTransfer({ mchId: 'm', package: 'p' });
expectTypeOf(requestMerchantTransfer).returns.resolves.toEqualTypeOf<PaymentOutcome>();
// wx's own declarations of the family's APIs fit the host the library calls.
expectTypeOf<
  Pick<
    WechatMiniprogram.Wx,
    | 'requestOrderPayment'
    | 'requestCommonPayment'
    | 'requestPluginPayment'
    | 'requestMerchantTransfer'
  >
>().toExtend<PaymentHost>();

function v3Params() {
  return { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', paySign: 's' };
}
