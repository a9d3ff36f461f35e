import type { FailCode } from 'miniprogram-pay';

// Shared by the core tests: valid parameters, objects that fight back (throwing getters,
// Proxies whose traps throw, odd thrown values), and matchers for the key parts of messages.

/** Every FailCode, from the type: a new code fails to compile until it is listed here. */
export const FAIL_CODES = {
  host_error: true,
  invalid_params: true,
  unsupported: true,
  busy: true,
  timeout: true,
  aborted: true,
} as const satisfies Record<FailCode, true>;

/** Valid `requestPayment` parameters (WeChat Pay API v3). */
export const paymentParams = {
  timeStamp: '1414561699',
  nonceStr: 'n0nce',
  package: 'prepay_id=wx2017',
  signType: 'RSA' as const,
  paySign: 'sig',
};

/** Valid `requestVirtualPayment` parameters (coins: no productId, no goodsPrice). */
export const virtualParams = {
  mode: 'short_series_coin' as const,
  signData:
    '{"offerId":"1","buyQuantity":1,"currencyType":"CNY","outTradeNo":"abcdefgh","attach":""}',
  paySig: 'p',
  signature: 's',
};

/** A Proxy over `target` whose get trap throws `thrown` for `keys` (every key when left out). */
export function throwingProxy<T extends object>(
  target: T,
  thrown: unknown = new Error('trap'),
  keys?: readonly PropertyKey[],
): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (!keys || keys.includes(key)) throw thrown;
      return Reflect.get(object, key, receiver);
    },
  });
}

/** A copy of `object` whose `key` is a getter that throws `thrown`. */
export function withThrowingGetter<T extends object>(object: T, key: string, thrown: unknown): T {
  const copy = { ...object };
  Object.defineProperty(copy, key, {
    enumerable: true,
    get() {
      throw thrown;
    },
  });
  return copy;
}

/** The kinds of value a throw can throw, and how `describeThrown` describes each. */
export const THROWN_KINDS = [
  'error',
  'string',
  'object',
  'undefined',
  'null',
  'proxy',
  'revoked',
] as const;
export type ThrownKind = (typeof THROWN_KINDS)[number];

export function thrownOf(kind: ThrownKind): unknown {
  switch (kind) {
    case 'error':
      return new Error('boom');
    case 'string':
      return 'boom';
    case 'object':
      return { errMsg: 'x' };
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'proxy':
      return throwingProxy({});
    case 'revoked':
      return revokedProxy();
  }
}

export const DESCRIBED_THROWN: { readonly [kind in ThrownKind]: string } = {
  error: 'Error: boom',
  string: '"boom", not an Error',
  object: 'an object, not an Error: {"errMsg":"x"}',
  undefined: 'undefined, not an Error',
  null: 'null, not an Error',
  proxy: 'an object, not an Error',
  revoked: 'an object, not an Error',
};

/** A Proxy that has been revoked: every operation on it throws, even `Array.isArray`. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A validation message: "<field> must be <what it must be, with `expected` in it>, got <got>".
 * Matches the key parts, not the whole wording.
 */
export function mustBe(field: string, got: string, expected = ''): unknown {
  return expect.stringMatching(
    new RegExp(
      `^${escapeRegExp(field)} must be .*${escapeRegExp(expected)}.*, got ${escapeRegExp(got)}$`,
    ),
  );
}

/**
 * A sentence that names `what` (`wx.canIUse`, `Calling wx.requestPayment`) and ends saying it
 * threw `described` (`… threw Error: boom.`).
 */
export function threw(what: string, described: string): unknown {
  return expect.stringMatching(
    new RegExp(`${escapeRegExp(what)}.* threw ${escapeRegExp(described)}\\.?$`),
  );
}

/** A field that could not be read: "<field> could not be read: … threw <described>". */
export function unreadable(field: string, described: string): unknown {
  return expect.stringMatching(
    new RegExp(`^${escapeRegExp(field)} could not be read: .*threw ${escapeRegExp(described)}$`),
  );
}

/** What normalizeOutcome says of an answer it could not read: "… could not be read: <described>." */
export function unreadableAnswer(described: string): unknown {
  return expect.stringMatching(
    new RegExp(`^The host's answer could not be read: ${escapeRegExp(described)}\\.?$`),
  );
}
