import fc from 'fast-check';
import type { RawHttpRequest } from '../raw-http';
import { authorizationOf, authorizationParams, FUZZ_MCHID, type FuzzCase } from './context';

/** Where a strange path may lead: unknown roots, WeChat Pay's roots, and parameterised routes. */
const PREFIXES = [
  '/x',
  '/v3/',
  '/v3/pay/',
  '/v3/pay/transactions/',
  '/v3/refund/',
  '/sim/',
  '/sim/notifications/',
  '/pay/',
  '/secapi/',
  '/dashboard/',
  '/dashboard/assets/',
  '/v3/pay/transactions/out-trade-no/',
  '/v3/pay/transactions/id/',
  '/v3/pay/partner/transactions/out-trade-no/',
  '/v3/refund/domestic/refunds/',
] as const;

/** Pieces of odd paths: percent-encodings good and bad, dot segments, separators, unicode. */
const PIECES = [
  '%',
  '%Z',
  '%ZZ',
  '%00',
  '%0A',
  '%2F',
  '%2f',
  '%5C',
  '%2e%2e',
  '%C0%AF',
  '%E0%A4%A',
  '%F0%9F%98%80',
  '%FF',
  '..',
  '.',
  '//',
  '/',
  ';',
  ';jsessionid=1',
  '~',
  '*',
  '@',
  ':',
  '+',
  '!',
  "'",
  '(',
  '[',
  '{',
  '|',
  '^',
  '`',
  '\\',
  'ORDER',
  'a',
  '0',
] as const;

/** A request to an odd path, unsigned or signed over exactly that path. */
export interface PathPlan {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS' | 'HEAD';
  readonly prefix: (typeof PREFIXES)[number];
  readonly pieces: readonly string[];
  readonly repeat: number;
  readonly query: 'none' | 'mchid' | 'mchid-twice' | 'garbage';
  readonly garbage: string;
  readonly signed: boolean;
}

export const pathPlans: fc.Arbitrary<PathPlan> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
  prefix: fc.constantFrom(...PREFIXES),
  pieces: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }),
  // A long segment: past the router's longest parameter (256), and past 16 KB of request line.
  repeat: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 3000 })),
  query: fc.constantFrom('none', 'mchid', 'mchid-twice', 'garbage'),
  garbage: fc.stringMatching(/^[A-Za-z0-9=&%._~+-]{0,40}$/),
  signed: fc.boolean(),
});

export function pathCase(plan: PathPlan): FuzzCase {
  const segment = plan.pieces.join('').repeat(plan.repeat);
  const query = {
    none: '',
    mchid: `?mchid=${FUZZ_MCHID}`,
    'mchid-twice': `?mchid=${FUZZ_MCHID}&mchid=${FUZZ_MCHID}`,
    garbage: `?${plan.garbage}`,
  }[plan.query];
  const target = `${plan.prefix}${segment}${query}`;
  const headers: [string, string][] = [['Accept', 'application/json']];
  if (plan.signed) {
    headers.push([
      'Authorization',
      authorizationOf(authorizationParams({ method: plan.method, target })),
    ]);
  }
  const request: RawHttpRequest = { method: plan.method, target, headers };
  return { request };
}
