import fc from 'fast-check';
import { BODY_ROUTES, type BodyRoute } from './body-routes';
import { type FuzzCase, signedRequest } from './context';
import { type FieldSpec, withField, wrongValueFor } from './values';

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
