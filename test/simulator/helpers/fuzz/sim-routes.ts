import fc from 'fast-check';
import { merchantKeys } from '../keys';
import type { RawHttpRequest } from '../raw-http';
import { API_V3_KEY, APPID, MERCHANT_SERIAL } from '../simulator';
import { FUZZ_MCHID, type FuzzCase } from './context';
import { type FieldSpec, withField, wrongValueFor } from './values';

/** The simulator's own POST routes, a valid body for each, and its fields. */
interface SimRoute {
  readonly target: string;
  readonly body: () => object;
  readonly fields: readonly FieldSpec[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

const SIM_ROUTES: readonly SimRoute[] = [
  {
    target: '/sim/merchants',
    body: () => ({
      mchid: FUZZ_MCHID,
      appids: [APPID],
      merchantSerial: MERCHANT_SERIAL,
      merchantPublicKey: merchantKeys(0).publicKeyPem,
      apiV3Key: API_V3_KEY,
    }),
    fields: [
      { path: 'mchid', kind: 'string', maxBytes: 32 },
      { path: 'appids', kind: 'array' },
      { path: 'merchantSerial', kind: 'string', maxBytes: 64 },
      { path: 'merchantPublicKey', kind: 'string', maxBytes: 16_384 },
      { path: 'apiV3Key', kind: 'string' },
      { path: 'apiV2Key', kind: 'string', optional: true },
      { path: 'signing', kind: 'choice', optional: true },
      { path: 'subMerchants', kind: 'array', optional: true },
      { path: 'refundNotifyUrl', kind: 'string', optional: true, maxBytes: 256 },
      { path: 'virtualPayment', kind: 'object', optional: true },
      { path: 'b2b', kind: 'object', optional: true },
      { path: 'transfer', kind: 'object', optional: true },
    ],
  },
  {
    target: '/sim/cashier',
    body: () => ({ api: 'requestPayment', params: {}, action: 'pay' }),
    fields: [
      { path: 'api', kind: 'string', maxBytes: 64 },
      { path: 'params', kind: 'object' },
      { path: 'action', kind: 'choice' },
      { path: 'openid', kind: 'string', optional: true, maxBytes: 128 },
      { path: 'appId', kind: 'string', optional: true, maxBytes: 32 },
      { path: 'notifyDelayMs', kind: 'integer', optional: true, min: 0, max: 30 * DAY_MS },
      { path: 'dropNotify', kind: 'boolean', optional: true },
    ],
  },
  {
    target: '/sim/clock/advance',
    body: () => ({ seconds: 0 }),
    fields: [{ path: 'seconds', kind: 'number' }],
  },
  {
    target: '/sim/refunds/settle',
    body: () => ({ mchid: FUZZ_MCHID, out_refund_no: 'RFUZZSIM000001', status: 'SUCCESS' }),
    fields: [
      { path: 'mchid', kind: 'string', maxBytes: 32 },
      { path: 'sub_mchid', kind: 'string', optional: true, maxBytes: 32 },
      { path: 'out_refund_no', kind: 'string', maxBytes: 64 },
      { path: 'status', kind: 'choice' },
      { path: 'notifyDelayMs', kind: 'integer', optional: true, min: 0, max: 30 * DAY_MS },
      { path: 'dropNotify', kind: 'boolean', optional: true },
    ],
  },
  {
    target: '/sim/notifications/probe',
    body: () => ({ mchid: FUZZ_MCHID, url: 'http://127.0.0.1:9/pay/notify' }),
    fields: [
      { path: 'mchid', kind: 'string', maxBytes: 32 },
      { path: 'url', kind: 'string', optional: true, maxBytes: 2048 },
    ],
  },
];

/** What is wrong with a request to one of the simulator's own routes. */
export type SimPlan =
  | {
      readonly kind: 'wrong-type';
      readonly route: number;
      readonly field: number;
      readonly value: unknown;
    }
  | { readonly kind: 'unknown-field'; readonly route: number; readonly name: string }
  | { readonly kind: 'not-object'; readonly route: number; readonly value: unknown }
  | { readonly kind: 'unparsable'; readonly route: number; readonly text: string }
  | { readonly kind: 'content-type'; readonly route: number; readonly type: string }
  | { readonly kind: 'deep'; readonly route: number; readonly depth: number };

const route = fc.integer({ min: 0, max: SIM_ROUTES.length - 1 });

export const simPlans: fc.Arbitrary<SimPlan> = fc.oneof(
  route.chain((index) => {
    const { fields } = SIM_ROUTES[index] as SimRoute;
    return fc
      .integer({ min: 0, max: fields.length - 1 })
      .chain((field) =>
        wrongValueFor(fields[field] as FieldSpec).map(
          (value) => ({ kind: 'wrong-type', route: index, field, value }) as const,
        ),
      );
  }),
  fc.record({
    kind: fc.constant('unknown-field' as const),
    route,
    name: fc.stringMatching(/^[a-z_]{1,12}$/).map((name) => `zz_${name}`),
  }),
  fc.record({
    kind: fc.constant('not-object' as const),
    route,
    value: fc.oneof(
      fc.array(fc.jsonValue({ maxDepth: 2 })),
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    ),
  }),
  fc.record({
    kind: fc.constant('unparsable' as const),
    route,
    text: fc.constantFrom(
      '{',
      '{"a":}',
      "{'api':1}",
      '{"__proto__":{"x":1}}',
      '{"constructor":{"prototype":{}}}',
      'nul',
      '[1,]',
    ),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    route,
    depth: fc.integer({ min: 65, max: 40_000 }),
  }),
  fc.record({
    kind: fc.constant('content-type' as const),
    route,
    type: fc.constantFrom(
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
    ),
  }),
);

export function simCase(plan: SimPlan): FuzzCase {
  const { target, body, fields } = SIM_ROUTES[plan.route] as SimRoute;
  const post = (text: string, contentType = 'application/json'): RawHttpRequest => ({
    method: 'POST',
    target,
    headers: [['Content-Type', contentType]],
    body: Buffer.from(text),
  });
  switch (plan.kind) {
    case 'wrong-type': {
      const field = fields[plan.field] as FieldSpec;
      const request = post(JSON.stringify(withField(body(), field.path, plan.value)));
      return { request, statuses: [400], code: 'PARAM_ERROR', field: field.path };
    }
    case 'unknown-field':
      return {
        request: post(JSON.stringify({ ...body(), [plan.name]: 1 })),
        statuses: [400],
        code: 'PARAM_ERROR',
        field: plan.name,
      };
    case 'not-object':
      return { request: post(JSON.stringify(plan.value)), statuses: [400], code: 'PARAM_ERROR' };
    case 'unparsable':
      return { request: post(plan.text), statuses: [400], code: 'PARAM_ERROR' };
    case 'content-type':
      return { request: post(JSON.stringify(body()), plan.type), statuses: [400] };
    case 'deep': {
      // In a field kept as given (a registration's virtualPayment, the cashier's params).
      const field = fields.find((spec) => spec.kind === 'object')?.path ?? 'zz_deep';
      const text = JSON.stringify({ ...body(), [field]: 0 }).replace(
        `"${field}":0`,
        `"${field}":${'{"a":'.repeat(plan.depth)}1${'}'.repeat(plan.depth)}`,
      );
      return { request: post(text), statuses: [400], code: 'PARAM_ERROR' };
    }
  }
}
