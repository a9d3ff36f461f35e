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
  signPayment,
  signPaymentV2,
  signVirtualPayment,
  verifyNotification,
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
