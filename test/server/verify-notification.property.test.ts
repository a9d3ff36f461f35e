// verifyNotification never throws, whatever it is given, and answers a refusal of the
// documented shape for anything but a genuine notification.
import fc from 'fast-check';
import { verifyNotification } from 'miniprogram-pay/server';
import { API_V3_KEY, PLATFORM_KEYS, rawNotification } from './helpers/keys';

const NOW_S = 1_700_000_000;
const good = rawNotification({ timestamp: NOW_S });
const options = { platformKeys: PLATFORM_KEYS, apiV3Key: API_V3_KEY, now: () => NOW_S * 1000 };
// biome-ignore lint/suspicious/noExplicitAny: garbage on purpose
const call = (request: unknown, opts: unknown) => verifyNotification(request as any, opts as any);

/** An object whose every read, key listing and prototype lookup throws. */
const hostile = (): object =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error('get trap');
      },
      has: () => {
        throw new Error('has trap');
      },
      ownKeys: () => {
        throw new Error('ownKeys trap');
      },
      getPrototypeOf: () => {
        throw new Error('getPrototypeOf trap');
      },
      getOwnPropertyDescriptor: () => {
        throw new Error('descriptor trap');
      },
    },
  );

function expectRefusal(result: ReturnType<typeof verifyNotification>): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect([400, 401]).toContain(result.status);
  expect(result.code).toMatch(/^[a-z_]+$/);
  expect(result.message).toMatch(/\.$/);
}

const garbage = fc.oneof(
  fc.anything({
    withBigInt: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withDate: true,
    withNullPrototype: true,
  }),
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom('<hostile>', '<headers>', '<symbol>', '<function>', '<buffer>'),
);

/** Builds the values fast-check cannot hold itself (a Proxy that throws at every look). */
const real = (value: unknown): unknown => {
  switch (value) {
    case '<hostile>':
      return hostile();
    case '<headers>':
      return new Headers();
    case '<symbol>':
      return Symbol('s');
    case '<function>':
      return () => 1;
    case '<buffer>':
      return new ArrayBuffer(2);
    default:
      return value;
  }
};

describe('verifyNotification never throws', () => {
  it('for garbage requests and garbage options', () => {
    fc.assert(
      fc.property(garbage, garbage, (request, opts) => {
        expectRefusal(call(real(request), real(opts)));
      }),
      { numRuns: 500 },
    );
  });

  it('for a good body with garbage headers, and good headers with garbage bodies', () => {
    fc.assert(
      fc.property(garbage, garbage, (headers, body) => {
        expectRefusal(call({ headers: real(headers), body: good.body }, options));
        expectRefusal(call({ headers: good.headers, body: real(body) }, options));
      }),
      { numRuns: 300 },
    );
  });

  it('for header values of any type, under any of the names', () => {
    const names = Object.keys(good.headers);
    fc.assert(
      fc.property(fc.constantFrom(...names), garbage, fc.boolean(), (name, value, lower) => {
        const headers: Record<string, unknown> = { ...good.headers };
        delete headers[name];
        headers[lower ? name.toLowerCase() : name] = real(value);
        const result = call({ headers, body: good.body }, options);
        if (!result.ok) return;
        // Accepted only with the value signed, or without the optional signature type.
        const values = Array.isArray(value) ? value : [value];
        const absent = values.every((item) => item === undefined || item === '');
        if (name === 'Wechatpay-Signature-Type' && absent) return;
        expect(values).toEqual([good.headers[name]]);
      }),
      { numRuns: 300 },
    );
  });

  it('for garbage in every option', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('platformKeys', 'apiV3Key', 'maxSkewSeconds', 'now'),
        garbage,
        (name, value) => {
          const result = call(good, { ...options, [name]: real(value) });
          if (!result.ok) expect([400, 401]).toContain(result.status);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for hostile objects in every place', () => {
    expectRefusal(call(hostile(), options));
    expectRefusal(call({ headers: hostile(), body: good.body }, options));
    expectRefusal(call({ headers: good.headers, body: hostile() }, options));
    expectRefusal(call(good, hostile()));
    expectRefusal(call(good, { ...options, platformKeys: hostile() }));
    expectRefusal(call(good, { ...options, now: () => hostile() }));
    expectRefusal(
      call(good, {
        ...options,
        now: () => {
          throw hostile();
        },
      }),
    );
    expectRefusal(
      call(
        { headers: { ...good.headers, 'Wechatpay-Serial': hostile() }, body: good.body },
        options,
      ),
    );
  });

  it('for any single byte changed in the body: never accepted', () => {
    const bytes = Buffer.from(good.body);
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const changed = Buffer.from(bytes);
        changed[index] = ((changed[index] ?? 0) + delta) % 256;
        expectRefusal(call({ headers: good.headers, body: changed }, options));
      }),
      { numRuns: 200 },
    );
  });
});
