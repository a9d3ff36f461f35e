import { randomBytes, sign } from 'node:crypto';
import { merchantKeys } from '../keys';
import { type RawHttpAnswer, type RawHttpRequest, wireBytes } from '../raw-http';
import { APPID, MERCHANT_SERIAL } from '../simulator';

/** The merchant the storm is about (registered with a sub-merchant for partner orders). */
export const FUZZ_MCHID = '1900000501';
export const FUZZ_SUB_MCHID = '1900000502';
export const FUZZ_NOTIFY_URL = 'http://127.0.0.1:9/pay/notify';
export { APPID, MERCHANT_SERIAL };

/** The HTTP statuses of WeChat Pay's refusals (its table of status codes: 4xx). */
export const WECHAT_REFUSAL_STATUSES = [400, 401, 403, 404, 429] as const;

/** A request of the storm and what the simulator must answer. */
export interface FuzzCase {
  readonly request: RawHttpRequest;
  /** The statuses allowed; @default every refusal status of WeChat Pay */
  readonly statuses?: readonly number[];
  readonly code?: string | RegExp;
  /** The field `detail.field` must name. */
  readonly field?: string;
}

export interface SignOptions {
  readonly method: string;
  readonly target: string;
  readonly body?: Buffer;
  readonly mchid?: string;
  /** Which merchant key pair signs. @default 0 (the registered one) */
  readonly keyIndex?: number;
  /** Unix seconds, as sent. @default now */
  readonly timestamp?: string;
  readonly nonce?: string;
  readonly serial?: string;
}

/** The five parameters of a correct Authorization for the request. */
export function authorizationParams(options: SignOptions): Record<string, string> {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBytes(16).toString('hex');
  const message = Buffer.concat([
    wireBytes(`${options.method}\n${options.target}\n${timestamp}\n${nonce}\n`),
    options.body ?? Buffer.alloc(0),
    Buffer.from('\n'),
  ]);
  const signature = sign('sha256', message, merchantKeys(options.keyIndex ?? 0).privateKey);
  return {
    mchid: options.mchid ?? FUZZ_MCHID,
    nonce_str: nonce,
    signature: signature.toString('base64'),
    timestamp,
    serial_no: options.serial ?? MERCHANT_SERIAL,
  };
}

/** `WECHATPAY2-SHA256-RSA2048 name="value",…` of the parameters, in their order. */
export function authorizationOf(params: Record<string, string>): string {
  const pairs = Object.entries(params).map(([name, value]) => `${name}="${value}"`);
  return `WECHATPAY2-SHA256-RSA2048 ${pairs.join(',')}`;
}

/** A request signed correctly (unless `options` says otherwise), with a JSON body if given. */
export function signedRequest(
  method: string,
  target: string,
  body?: Buffer,
  extraHeaders: readonly (readonly [string, string])[] = [],
): RawHttpRequest {
  const authorization = authorizationOf(
    authorizationParams({ method, target, ...(body ? { body } : {}) }),
  );
  return {
    method,
    target,
    headers: [
      ['Authorization', authorization],
      ['Accept', 'application/json'],
      ...(body ? ([['Content-Type', 'application/json']] as const) : []),
      ...extraHeaders,
    ],
    ...(body ? { body } : {}),
  };
}

/**
 * Asserts a WeChat-shaped refusal: a status of WeChat Pay's table, `{ code, message, detail? }`
 * (never fastify's `{ statusCode, error, message }`), a Request-ID, and what `fuzzCase` expects.
 */
export function expectWeChatRefusal(answer: RawHttpAnswer, fuzzCase: FuzzCase): void {
  expect(fuzzCase.statuses ?? WECHAT_REFUSAL_STATUSES).toContain(answer.status);
  expect(answer.headers['request-id']).toMatch(/^[0-9A-F]{40}-0$/);
  if (fuzzCase.request.method === 'HEAD') return;
  if (isApiV2Path(fuzzCase.request.target) && !overflowsHeaders(fuzzCase.request)) {
    expectApiV2Refusal(answer);
    return;
  }
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(Object.keys(body).filter((key) => !['code', 'message', 'detail'].includes(key))).toEqual(
    [],
  );
  expect(body.code).toEqual(expect.stringMatching(/^[A-Z][A-Z_]+$/));
  expect(body.message).toEqual(expect.any(String));
  expect(String(body.message)).not.toMatch(/^\s*$|\n\s+at /);
  if (fuzzCase.code !== undefined) expect(body.code).toMatch(fuzzCase.code);
  if (fuzzCase.field !== undefined) {
    expect(body.detail).toMatchObject({ field: fuzzCase.field });
    expect(body.message).toContain(fuzzCase.field);
  }
}

/**
 * A request line over node's 16 KB header limit is refused by the HTTP parser before any path
 * is read, so in the one shape the simulator has for that.
 */
function overflowsHeaders(request: RawHttpRequest): boolean {
  return Buffer.byteLength(request.target) >= 16 * 1024;
}

/** API v2 lives under `/pay/`: it refuses in its own XML, whatever the path. */
function isApiV2Path(target: string): boolean {
  return target.startsWith('/pay/');
}

/** An API v2 refusal: `<xml>` with `return_code` FAIL and a `return_msg` sentence. */
function expectApiV2Refusal(answer: RawHttpAnswer): void {
  expect(answer.headers['content-type']).toMatch(/^text\/xml/);
  expect(answer.body).toMatch(/^<xml><return_code><!\[CDATA\[FAIL\]\]><\/return_code>/);
  const message = /<return_msg><!\[CDATA\[([\s\S]*?)\]\]><\/return_msg>/.exec(answer.body);
  expect(message?.[1]).toEqual(expect.stringMatching(/\S/));
  expect(message?.[1]).not.toMatch(/\n\s+at /);
}
