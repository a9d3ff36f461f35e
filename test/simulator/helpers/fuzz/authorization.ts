import fc from 'fast-check';
import type { RawHttpRequest } from '../raw-http';
import { directOrder } from './body-routes';
import {
  authorizationOf,
  authorizationParams,
  FUZZ_MCHID,
  FUZZ_NOTIFY_URL,
  type FuzzCase,
  MERCHANT_SERIAL,
} from './context';
import { headerSafeText } from './values';

const NAMES = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'] as const;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** What is wrong with the Authorization header (everything else about the request is right). */
export type AuthorizationPlan =
  | { readonly kind: 'absent' | 'url-safe' | 'wrong-key' }
  | { readonly kind: 'blank'; readonly value: string }
  | { readonly kind: 'scheme'; readonly scheme: string }
  | { readonly kind: 'garbled'; readonly tail: string }
  | { readonly kind: 'unquoted' | 'missing' | 'duplicated'; readonly name: (typeof NAMES)[number] }
  | { readonly kind: 'mchid' | 'serial' | 'timestamp' | 'non-base64'; readonly value: string }
  | { readonly kind: 'signed-other'; readonly part: 'method' | 'path' | 'timestamp' | 'body' }
  | { readonly kind: 'truncated' | 'flipped' | 'padded'; readonly at: number }
  | { readonly kind: 'random-bytes'; readonly bytes: Uint8Array };

const name = fc.constantFrom(...NAMES);
const now = () => Math.floor(Date.now() / 1000);

export const authorizationPlans: fc.Arbitrary<AuthorizationPlan> = fc.oneof(
  fc.constantFrom(
    { kind: 'absent' } as const,
    { kind: 'url-safe' } as const,
    {
      kind: 'wrong-key',
    } as const,
  ),
  fc.stringMatching(/^[ \t]{0,8}$/).map((value) => ({ kind: 'blank', value }) as const),
  fc
    .stringMatching(/^[A-Za-z0-9_-]{1,40}$/)
    .filter((scheme) => scheme !== 'WECHATPAY2-SHA256-RSA2048')
    .map((scheme) => ({ kind: 'scheme', scheme }) as const),
  headerSafeText(400).map((tail) => ({ kind: 'garbled', tail }) as const),
  fc.record({ kind: fc.constantFrom('unquoted', 'missing', 'duplicated' as const), name }),
  fc
    .stringMatching(/^[0-9A-Za-z_-]{0,32}$/)
    .filter((value) => value !== FUZZ_MCHID)
    .map((value) => ({ kind: 'mchid', value }) as const),
  fc
    .stringMatching(/^[0-9A-Fa-f]{0,48}$/)
    .filter((value) => value.toUpperCase() !== MERCHANT_SERIAL)
    .map((value) => ({ kind: 'serial', value }) as const),
  fc
    .oneof(
      fc.integer({ min: 301, max: 2_000_000_000 }).map((skew) => String(now() - skew)),
      fc.integer({ min: 301, max: 2_000_000_000 }).map((skew) => String(now() + skew)),
      fc.constant(String(Date.now())),
      fc.stringMatching(/^[0-9]{13,40}$/),
      fc.stringMatching(/^[a-zA-Z .:+-]{1,12}$/).map((junk) => `${now()}${junk}`),
      fc.stringMatching(/^[+ .e-]$/).map((sign) => `${sign}${now()}`),
    )
    .filter((value) => !/^[0-9]{1,12}$/.test(value) || Math.abs(Number(value) - now()) > 310)
    .map((value) => ({ kind: 'timestamp', value }) as const),
  fc
    .stringMatching(/^[A-Za-z0-9+/=\-_.!@#$%^&*() ~]{0,400}$/)
    .filter((value) => value === '' || !BASE64.test(value))
    .map((value) => ({ kind: 'non-base64', value }) as const),
  fc.record({
    kind: fc.constant('signed-other' as const),
    part: fc.constantFrom('method', 'path', 'timestamp', 'body' as const),
  }),
  fc.record({ kind: fc.constant('truncated' as const), at: fc.integer({ min: 0, max: 343 }) }),
  // Not the last data character: its low bits are padding, which a decoder may ignore.
  fc.record({ kind: fc.constant('flipped' as const), at: fc.integer({ min: 0, max: 340 }) }),
  fc.record({ kind: fc.constant('padded' as const), at: fc.integer({ min: 1, max: 20_000 }) }),
  fc.uint8Array({ maxLength: 600 }).map((bytes) => ({ kind: 'random-bytes', bytes }) as const),
);

/** A plan, on a query (GET, no body) or on an order (POST, a valid JSON body). */
export const authorizationCases = fc.record({ plan: authorizationPlans, post: fc.boolean() });

export function authorizationCase({
  plan,
  post,
}: {
  readonly plan: AuthorizationPlan;
  readonly post: boolean;
}): FuzzCase {
  const body = post
    ? Buffer.from(JSON.stringify(directOrder('FUZZAUTH000001', FUZZ_NOTIFY_URL)))
    : undefined;
  const method = post ? 'POST' : 'GET';
  const target = post ? '/v3/pay/transactions/jsapi' : '/v3/certificates';
  const header = authorizationHeader(plan, method, target, body);
  const headers: [string, string][] = [['Accept', 'application/json']];
  if (header !== undefined) headers.push(['Authorization', header]);
  if (body) headers.push(['Content-Type', 'application/json']);
  const request: RawHttpRequest = { method, target, headers, ...(body ? { body } : {}) };
  // The HTTP parser refuses a header over 16 KB or with a control character before any route.
  const unparsable = (header?.length ?? 0) > 15_000 || hasControlCharacter(header ?? '');
  return unparsable
    ? { request, statuses: [400, 401] }
    : { request, statuses: [401], code: 'SIGN_ERROR' };
}

function authorizationHeader(
  plan: AuthorizationPlan,
  method: string,
  target: string,
  body: Buffer | undefined,
): string | undefined {
  const signed = (
    options: { keyIndex?: number; timestamp?: string; mchid?: string; serial?: string } = {},
  ) => authorizationParams({ method, target, ...(body ? { body } : {}), ...options });
  const withSignature = (signature: string) => authorizationOf({ ...signed(), signature });
  const valid = signed();
  switch (plan.kind) {
    case 'absent':
      return undefined;
    case 'blank':
      return plan.value;
    case 'scheme':
      return authorizationOf(valid).replace('WECHATPAY2-SHA256-RSA2048', plan.scheme);
    case 'garbled':
      return `WECHATPAY2-SHA256-RSA2048 ${plan.tail}`;
    case 'unquoted':
      return authorizationOf(valid).replace(
        `${plan.name}="${valid[plan.name]}"`,
        `${plan.name}=${valid[plan.name]}`,
      );
    case 'missing':
      return authorizationOf(
        Object.fromEntries(Object.entries(valid).filter(([key]) => key !== plan.name)),
      );
    case 'duplicated':
      return `${authorizationOf(valid)},${plan.name}="${valid[plan.name]}"`;
    case 'mchid':
      return authorizationOf(signed({ mchid: plan.value }));
    case 'serial':
      return authorizationOf(signed({ serial: plan.value }));
    case 'timestamp':
      return authorizationOf(signed({ timestamp: plan.value }));
    case 'wrong-key':
      return authorizationOf(signed({ keyIndex: 1 }));
    case 'signed-other':
      return otherMessage(plan.part, method, target, body, valid);
    case 'url-safe':
      return withSignature(
        (valid.signature ?? '').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
      );
    case 'non-base64':
      return withSignature(plan.value);
    case 'truncated':
      return withSignature((valid.signature ?? '').slice(0, plan.at));
    case 'flipped':
      return withSignature(flip(valid.signature ?? '', plan.at));
    case 'padded':
      return withSignature(`${valid.signature}${'A'.repeat(plan.at)}`);
    case 'random-bytes':
      return withSignature(Buffer.from(plan.bytes).toString('base64'));
  }
}

/** A correct signature of another request, sent with this one. */
function otherMessage(
  part: 'method' | 'path' | 'timestamp' | 'body',
  method: string,
  target: string,
  body: Buffer | undefined,
  valid: Record<string, string>,
): string {
  const other = authorizationParams({
    method: part === 'method' ? (method === 'GET' ? 'POST' : 'GET') : method,
    target: part === 'path' ? `${target}/` : target,
    body:
      part === 'body'
        ? Buffer.concat([body ?? Buffer.alloc(0), Buffer.from(' ')])
        : (body ?? Buffer.alloc(0)),
    timestamp:
      part === 'timestamp' ? String(Number(valid.timestamp) - 1) : (valid.timestamp as string),
    nonce: valid.nonce_str as string,
  });
  return authorizationOf({ ...valid, signature: other.signature as string });
}

function flip(signature: string, at: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const index = Math.min(at, signature.length - 4);
  const char = signature[index] as string;
  const replacement = alphabet[(alphabet.indexOf(char) + 32) % 64] as string;
  return `${signature.slice(0, index)}${replacement}${signature.slice(index + 1)}`;
}

/** A character HTTP refuses in a header value: a control character other than tab. */
function hasControlCharacter(text: string): boolean {
  return [...text].some((char) => {
    const code = char.charCodeAt(0);
    return (code < 0x20 && code !== 0x09) || code === 0x7f;
  });
}
