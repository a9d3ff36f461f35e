import fc from 'fast-check';
import {
  APPID,
  FUZZ_MCHID,
  FUZZ_NOTIFY_URL,
  FUZZ_SUB_MCHID,
  type FuzzCase,
  signedRequest,
} from './context';
import { type FieldSpec, withField, wrongValueFor } from './values';

/** A valid direct JSAPI order of the fuzz merchant. */
export function directOrder(outTradeNo: string, notifyUrl: string) {
  return {
    appid: APPID,
    mchid: FUZZ_MCHID,
    description: 'A cup of tea',
    out_trade_no: outTradeNo,
    notify_url: notifyUrl,
    amount: { total: 100, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  };
}

/** A v3 API that takes a JSON body, a valid body for it, and the fields of that body. */
interface BodyRoute {
  readonly target: string;
  readonly body: object;
  readonly fields: readonly FieldSpec[];
}

const ORDER_FIELDS: readonly FieldSpec[] = [
  { path: 'description', kind: 'string', maxBytes: 127 },
  { path: 'out_trade_no', kind: 'string', maxBytes: 32 },
  { path: 'notify_url', kind: 'string', maxBytes: 255 },
  { path: 'amount', kind: 'object' },
  { path: 'amount.total', kind: 'integer' },
  { path: 'amount.currency', kind: 'string', optional: true, maxBytes: 16 },
  { path: 'payer', kind: 'object' },
  { path: 'attach', kind: 'string', optional: true, maxBytes: 128 },
  { path: 'time_expire', kind: 'string', optional: true, maxBytes: 64 },
  { path: 'goods_tag', kind: 'string', optional: true, maxBytes: 32 },
  { path: 'support_fapiao', kind: 'boolean', optional: true },
  { path: 'detail', kind: 'object', optional: true },
  { path: 'scene_info', kind: 'object', optional: true },
  { path: 'settle_info', kind: 'object', optional: true },
];

export const BODY_ROUTES: readonly BodyRoute[] = [
  {
    target: '/v3/pay/transactions/jsapi',
    body: directOrder('FUZZBODY000001', FUZZ_NOTIFY_URL),
    fields: [
      { path: 'appid', kind: 'string', maxBytes: 32 },
      { path: 'mchid', kind: 'string', maxBytes: 32 },
      { path: 'payer.openid', kind: 'string', maxBytes: 128 },
      ...ORDER_FIELDS,
    ],
  },
  {
    target: '/v3/pay/partner/transactions/jsapi',
    body: {
      ...directOrder('FUZZBODY000002', FUZZ_NOTIFY_URL),
      appid: undefined,
      mchid: undefined,
      sp_appid: APPID,
      sp_mchid: FUZZ_MCHID,
      sub_mchid: FUZZ_SUB_MCHID,
      payer: { sp_openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    },
    fields: [
      { path: 'sp_appid', kind: 'string', maxBytes: 32 },
      { path: 'sp_mchid', kind: 'string', maxBytes: 32 },
      { path: 'sub_mchid', kind: 'string', maxBytes: 32 },
      { path: 'sub_appid', kind: 'string', optional: true, maxBytes: 32 },
      { path: 'payer.sp_openid', kind: 'string', optional: true, maxBytes: 128 },
      ...ORDER_FIELDS,
    ],
  },
  {
    target: '/v3/refund/domestic/refunds',
    body: {
      out_trade_no: 'FUZZBODY000003',
      out_refund_no: 'RFUZZBODY000003',
      amount: { refund: 1, total: 100, currency: 'CNY' },
    },
    fields: [
      { path: 'sub_mchid', kind: 'string', optional: true, maxBytes: 32 },
      { path: 'transaction_id', kind: 'string', optional: true, maxBytes: 32 },
      { path: 'out_trade_no', kind: 'string', optional: true, maxBytes: 32 },
      { path: 'out_refund_no', kind: 'string', maxBytes: 64 },
      { path: 'reason', kind: 'string', optional: true, maxBytes: 80 },
      { path: 'notify_url', kind: 'string', optional: true, maxBytes: 256 },
      { path: 'funds_account', kind: 'choice', optional: true },
      { path: 'amount', kind: 'object' },
      { path: 'amount.refund', kind: 'integer' },
      { path: 'amount.total', kind: 'integer' },
      { path: 'amount.currency', kind: 'string', maxBytes: 16 },
    ],
  },
  {
    target: '/v3/pay/transactions/out-trade-no/FUZZBODY000004/close',
    body: { mchid: FUZZ_MCHID },
    fields: [{ path: 'mchid', kind: 'string', maxBytes: 32 }],
  },
];

/** What is wrong with the body of a request whose signature is right. */
export type BodyPlan =
  | {
      readonly kind: 'wrong-type';
      readonly route: number;
      readonly field: number;
      readonly value: unknown;
    }
  | {
      readonly kind: 'oversize';
      readonly route: number;
      readonly field: number;
      readonly extra: number;
    }
  | { readonly kind: 'missing'; readonly route: number; readonly field: number }
  | { readonly kind: 'unparsable'; readonly route: number; readonly text: string }
  | { readonly kind: 'not-object'; readonly route: number; readonly value: unknown }
  | {
      readonly kind: 'deep';
      readonly route: number;
      readonly depth: number;
      readonly inDetail: boolean;
    }
  | { readonly kind: 'invalid-utf8'; readonly route: number; readonly byte: number }
  | { readonly kind: 'too-large'; readonly route: number; readonly size: number };

const route = fc.integer({ min: 0, max: BODY_ROUTES.length - 1 });

/** A route and one of its fields (by index), with what `make` draws for that field. */
function fieldOf<T>(
  make: (field: FieldSpec) => fc.Arbitrary<T>,
  keep: (field: FieldSpec) => boolean = () => true,
) {
  return route.chain((index) => {
    const fields = (BODY_ROUTES[index] as BodyRoute).fields;
    const candidates = fields
      .map((field, at) => ({ field, at }))
      .filter(({ field }) => keep(field));
    return fc
      .constantFrom(...candidates)
      .chain(({ field, at }) => make(field).map((drawn) => ({ route: index, field: at, drawn })));
  });
}

const unparsable = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.jsonValue().map((value) => `${JSON.stringify(value)}}`),
    fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)),
    fc.constantFrom("{'a':1}", '{"a":NaN}', '{"a":1,}', '\ufeff{}', '{"a":01}', '{"a":"\\x"}'),
  )
  .filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return text.length > 0;
    }
  });

export const bodyPlans: fc.Arbitrary<BodyPlan> = fc.oneof(
  fieldOf(wrongValueFor).map(
    ({ route, field, drawn }) => ({ kind: 'wrong-type', route, field, value: drawn }) as const,
  ),
  fieldOf(
    () => fc.integer({ min: 1, max: 3000 }),
    (field) => field.maxBytes !== undefined,
  ).map(({ route, field, drawn }) => ({ kind: 'oversize', route, field, extra: drawn }) as const),
  fieldOf(
    () => fc.constant(0),
    (field) => !field.optional,
  ).map(({ route, field }) => ({ kind: 'missing', route, field }) as const),
  fc.record({ kind: fc.constant('unparsable' as const), route, text: unparsable }),
  fc.record({
    kind: fc.constant('not-object' as const),
    route,
    value: fc.oneof(
      fc.array(fc.jsonValue({ maxDepth: 2 })),
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    ),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    route,
    depth: fc.integer({ min: 64, max: 40_000 }),
    inDetail: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('invalid-utf8' as const),
    route,
    byte: fc.integer({ min: 0x80, max: 0xff }),
  }),
  fc.record({
    kind: fc.constant('too-large' as const),
    route,
    size: fc.integer({ min: 256 * 1024 + 1, max: 600 * 1024 }),
  }),
);

export function bodyCase(plan: BodyPlan): FuzzCase {
  const { target, body: valid, fields } = BODY_ROUTES[plan.route] as BodyRoute;
  const field = 'field' in plan ? (fields[plan.field] as FieldSpec) : undefined;
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  let bytes: Buffer;
  switch (plan.kind) {
    case 'wrong-type':
      bytes = json(withField(valid, field?.path ?? '', plan.value));
      break;
    case 'oversize':
      bytes = json(
        withField(valid, field?.path ?? '', 'x'.repeat((field?.maxBytes ?? 0) + plan.extra)),
      );
      break;
    case 'missing':
      bytes = json(withField(valid, field?.path ?? '', undefined));
      break;
    case 'unparsable':
      bytes = Buffer.from(plan.text);
      break;
    case 'not-object':
      bytes = json(plan.value);
      break;
    case 'deep': {
      const nested = `${'{"a":'.repeat(plan.depth)}1${'}'.repeat(plan.depth)}`;
      const text = JSON.stringify({ ...valid, detail: {} });
      bytes = Buffer.from(
        plan.inDetail
          ? text.replace('"detail":{}', `"detail":${nested}`)
          : `${'['.repeat(plan.depth)}${']'.repeat(plan.depth)}`,
      );
      break;
    }
    case 'invalid-utf8': {
      const [before, after] = JSON.stringify({ ...valid, reason: '@' }).split('@');
      bytes = Buffer.concat([
        Buffer.from(before ?? ''),
        Buffer.from([plan.byte]),
        Buffer.from(after ?? ''),
      ]);
      break;
    }
    case 'too-large':
      bytes = json({ ...valid, attach: 'x'.repeat(plan.size) });
      break;
  }
  const named = plan.kind === 'wrong-type' || plan.kind === 'oversize';
  return {
    request: signedRequest('POST', target, bytes),
    statuses: [400],
    code: named ? 'PARAM_ERROR' : /^(PARAM_ERROR|INVALID_REQUEST)$/,
    ...(named && field ? { field: field.path } : {}),
  };
}
