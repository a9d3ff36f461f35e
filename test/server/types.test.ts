// The public types of miniprogram-pay/server, as the contract states them (checked by the type
// check of the tests), and the misuse they refuse.
import type { IncomingHttpHeaders } from 'node:http';
import { expectTypeOf } from 'expect-type';
import type { OrderSnapshot as ClientSnapshot, PaymentParamsInput } from 'miniprogram-pay';
import {
  createMemoryEvents,
  createOrderWatch,
  createRedisEvents,
  type OrderEvents,
  type OrderSnapshot,
  type RedisLike,
  type Refund,
  signPayment,
  signPaymentV2,
  signVirtualPayment,
  type Transaction,
  type TransferBill,
  verifyNotification,
  verifyNotificationV2,
} from 'miniprogram-pay/server';

const key = '-----BEGIN PRIVATE KEY-----';

it('types the sign functions as the contract says', () => {
  expectTypeOf(signPayment).returns.toEqualTypeOf<{
    readonly timeStamp: string;
    readonly nonceStr: string;
    readonly package: string;
    readonly signType: 'RSA';
    readonly paySign: string;
  }>();
  expectTypeOf(signPaymentV2)
    .returns.toHaveProperty('signType')
    .toEqualTypeOf<'MD5' | 'HMAC-SHA256'>();
  expectTypeOf(signVirtualPayment).returns.toHaveProperty('signData').toEqualTypeOf<string>();
  // What the server signs is what the client's validation takes.
  expectTypeOf(signPayment).returns.toExtend<PaymentParamsInput>();
  expectTypeOf(signPaymentV2).returns.toExtend<PaymentParamsInput>();
  const v3 = { appId: 'wx1', prepayId: 'p', privateKey: key };
  // @ts-expect-error signType is not an option of v3
  expect(() => signPayment({ ...v3, signType: 'RSA' })).toThrow();
  // @ts-expect-error v2 needs its signType
  expect(() => signPaymentV2({ appId: 'wx1', prepayId: 'p', key: 'k' })).toThrow(TypeError);
});

it('takes headers from node:http, fetch or a plain object; answers a discriminated result', () => {
  type Request = Parameters<typeof verifyNotification>[0];
  expectTypeOf<{ headers: IncomingHttpHeaders; body: Buffer }>().toExtend<Request>();
  expectTypeOf<{ headers: Headers; body: string }>().toExtend<Request>();
  expectTypeOf<{ headers: { 'Wechatpay-Serial': string }; body: Uint8Array }>().toExtend<Request>();
  expectTypeOf<{ headers: IncomingHttpHeaders; body: object }>().not.toExtend<Request>();
  const result = verifyNotification({ headers: {}, body: '' }, { platformKeys: {}, apiV3Key: '' });
  if (result.ok) expectTypeOf(result.resource).toBeUnknown();
  else expectTypeOf(result.status).toEqualTypeOf<400 | 401>();
  expect(result.ok).toBe(false);
});

it('types the resource a notification is expected to carry', () => {
  const request = { headers: {}, body: '' };
  const options = { platformKeys: {}, apiV3Key: '' };
  const payment = verifyNotification<Transaction>(request, options);
  if (payment.ok) {
    expectTypeOf(payment.resource.trade_state).toEqualTypeOf<
      'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR'
    >();
    expectTypeOf(payment.resource.out_trade_no).toEqualTypeOf<string>();
  }
  const refund = verifyNotification<Refund>(request, options);
  if (refund.ok) expectTypeOf(refund.resource.amount.refund).toEqualTypeOf<number>();
  const bill = verifyNotification<TransferBill>(request, options);
  if (bill.ok) expectTypeOf(bill.resource.state).toEqualTypeOf<string>();
  const v2 = verifyNotificationV2({ body: '' }, { key: 'k' });
  if (v2.ok) expectTypeOf(v2.notification).toEqualTypeOf<Readonly<Record<string, string>>>();
  else expectTypeOf(v2.code).toExtend<string>();
  expect([payment.ok, refund.ok, bill.ok, v2.ok]).toEqual([false, false, false, false]);
});

it('shares the client library’s OrderSnapshot, and events are OrderEvents', async () => {
  expectTypeOf<OrderSnapshot>().toEqualTypeOf<ClientSnapshot>();
  expectTypeOf(createMemoryEvents()).toExtend<OrderEvents>();
  expectTypeOf(createRedisEvents).returns.toExtend<OrderEvents>();
  expectTypeOf<ReturnType<typeof import('redis').createClient>>().toExtend<RedisLike>();
  const watch = createOrderWatch({ getOrder: async () => undefined });
  expectTypeOf(watch.wait('A', { waitMs: 0 })).resolves.toEqualTypeOf<OrderSnapshot | undefined>();
  // @ts-expect-error waitMs is required
  await expect(watch.wait('A', {})).rejects.toThrow(TypeError);
});
