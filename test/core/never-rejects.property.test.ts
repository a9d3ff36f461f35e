import fc from 'fast-check';
import {
  type AbortSignalLike,
  type FailCode,
  type PaymentHost,
  type PaymentOutcome,
  requestPayment,
  requestVirtualPayment,
} from 'miniprogram-pay';
import { CASHIER_BEHAVIOURS, createFakeHost, type FakeHost } from 'miniprogram-pay/testing';
import { createAbortController } from '../../src/core/abort-signal';
import {
  FAIL_CODES,
  paymentParams,
  THROWN_KINDS,
  type ThrownKind,
  throwingProxy,
  thrownOf,
  virtualParams,
  withThrowingGetter,
} from './helpers';

// Everything is drawn as plain data (readable counterexamples) and built inside the property.

/** Codes only the library gives, before or instead of a host answer: errMsg '' and raw undefined. */
const REFUSALS: readonly FailCode[] = ['invalid_params', 'busy', 'timeout', 'aborted'];

const SIGNALS = [
  'none',
  'AbortController',
  'already aborted',
  'library controller',
  'no addEventListener',
  'throwing addEventListener',
  'throwing aborted getter',
  'throwing removeEventListener',
  'Proxy that throws',
  'Proxy over an AbortSignal',
  'fires on addEventListener',
] as const;
type SignalKind = (typeof SIGNALS)[number];

const HOSTS = [
  'fake host',
  'transparent Proxy',
  'API getter throws',
  'canIUse getter throws',
  'canIUse throws',
  'Proxy throws on the API',
  'Proxy throws on everything',
  'returned then throws',
  'no payment API',
] as const;
type HostKind = (typeof HOSTS)[number];

const PARAMS = [
  'valid',
  'invalid',
  'throwing getter',
  'Proxy throws on a field',
  'Proxy throws on everything',
  'anything',
] as const;
type ParamsKind = (typeof PARAMS)[number];

/** An answer the cashier delivers: anything, a plausible record, or one that throws when read. */
const anyAnswer = fc.oneof(
  fc.anything(),
  fc.record({
    errMsg: fc.oneof(fc.string(), fc.constantFrom('requestPayment:ok', 'x:fail cancel', 'fail')),
    errCode: fc.oneof(fc.integer(), fc.string(), fc.constant(undefined)),
    errno: fc.oneof(fc.integer(), fc.constant(undefined)),
  }),
  fc.record({ throwingAnswer: fc.constantFrom(...THROWN_KINDS) }),
);
const scriptedAnswers = fc.array(
  fc.record({
    channel: fc.constantFrom('success' as const, 'fail' as const, 'complete' as const),
    answer: anyAnswer,
  }),
  { maxLength: 4 },
);

/** Replaces drawn `{ throwingAnswer }` records with answers whose errMsg (or every field) throws. */
function buildAnswer(answer: unknown, index: number): unknown {
  const kind = (answer as { throwingAnswer?: ThrownKind } | null)?.throwingAnswer;
  if (typeof answer !== 'object' || answer === null || !kind) return answer;
  return index % 2
    ? throwingProxy({}, thrownOf(kind))
    : withThrowingGetter({}, 'errMsg', thrownOf(kind));
}

function buildSignal(kind: SignalKind, thrown: unknown, abortAfterMs: number | undefined) {
  const abortLater = (abort: () => void) => {
    if (abortAfterMs !== undefined) setTimeout(abort, abortAfterMs);
  };
  switch (kind) {
    case 'none':
      return undefined;
    case 'AbortController': {
      const controller = new AbortController();
      abortLater(() => controller.abort());
      return controller.signal;
    }
    case 'already aborted':
      return AbortSignal.abort();
    case 'library controller': {
      const controller = createAbortController();
      abortLater(controller.abort);
      return controller.signal;
    }
    case 'no addEventListener':
      return { aborted: false };
    case 'throwing addEventListener':
      return {
        aborted: false,
        addEventListener() {
          throw thrown;
        },
      };
    case 'throwing aborted getter':
      return withThrowingGetter({ addEventListener() {} }, 'aborted', thrown);
    case 'throwing removeEventListener': {
      const controller = createAbortController();
      abortLater(controller.abort);
      return {
        get aborted() {
          return controller.signal.aborted;
        },
        addEventListener: controller.signal.addEventListener,
        removeEventListener() {
          throw thrown;
        },
      };
    }
    case 'Proxy that throws':
      return throwingProxy({ aborted: false, addEventListener() {} }, thrown);
    case 'Proxy over an AbortSignal':
      // AbortSignal's getters refuse a Proxy as `this`: a TypeError the library must catch.
      return new Proxy(new AbortController().signal, {});
    case 'fires on addEventListener':
      return {
        aborted: false,
        addEventListener: (_type: 'abort', listener: () => void) => listener(),
      };
  }
}

function buildHost(kind: HostKind, fake: FakeHost, thrown: unknown, api: string): PaymentHost {
  // The fake's own API function (undefined on a host without it).
  const fakeApi = (fake as unknown as Record<string, unknown>)[api] as
    | ((options: unknown) => unknown)
    | undefined;
  switch (kind) {
    case 'fake host':
    case 'no payment API':
      return fake;
    case 'transparent Proxy':
      return new Proxy(fake, {});
    case 'API getter throws':
      return withThrowingGetter({ canIUse: fake.canIUse }, api, thrown);
    case 'canIUse getter throws':
      return withThrowingGetter({ [api]: fakeApi }, 'canIUse', thrown);
    case 'canIUse throws':
      return {
        [api]: fakeApi,
        canIUse: () => {
          throw thrown;
        },
      };
    case 'Proxy throws on the API':
      return throwingProxy(fake, thrown, [api]);
    case 'Proxy throws on everything':
      return throwingProxy(fake, thrown);
    case 'returned then throws':
      return {
        [api]: (options: unknown) => {
          fakeApi?.(options);
          return throwingProxy({}, thrown, ['then']);
        },
      };
  }
}

function buildParams(kind: ParamsKind, api: string, thrown: unknown, anything: unknown): unknown {
  const valid = api === 'requestPayment' ? paymentParams : virtualParams;
  const field = api === 'requestPayment' ? 'nonceStr' : 'signature';
  switch (kind) {
    case 'valid':
      return { ...valid };
    case 'invalid':
      return api === 'requestPayment' ? { timeStamp: 'x' } : {};
    case 'throwing getter':
      return withThrowingGetter(valid, field, thrown);
    case 'Proxy throws on a field':
      return throwingProxy({ ...valid }, thrown, [field]);
    case 'Proxy throws on everything':
      return throwingProxy({ ...valid }, thrown);
    case 'anything':
      return anything;
  }
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('never rejects, settles by its timeout, opens at most one sheet, leaves no timer', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        step: fc.oneof(
          fc.constantFrom(...CASHIER_BEHAVIOURS),
          scriptedAnswers.map((answers) => ({ answers })),
        ),
        api: fc.constantFrom('requestPayment' as const, 'requestVirtualPayment' as const),
        answerDelayMs: fc.integer({ min: 0, max: 30 }),
        timeoutMs: fc.oneof(
          fc.constant(undefined),
          fc.integer({ min: 1, max: 50 }),
          fc.constantFrom(0, -1, Number.NaN, '5' as unknown as number),
        ),
        abortAfterMs: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        signal: fc.constantFrom(...SIGNALS),
        host: fc.constantFrom(...HOSTS),
        params: fc.constantFrom(...PARAMS),
        anything: fc.anything(),
        thrown: fc.constantFrom(...THROWN_KINDS),
      }),
      async (draw) => {
        const thrown = thrownOf(draw.thrown);
        const fake = createFakeHost({
          cashier:
            typeof draw.step === 'object'
              ? {
                  answers: draw.step.answers.map((a, i) => ({
                    ...a,
                    answer: buildAnswer(a.answer, i),
                  })),
                }
              : draw.step,
          answerDelayMs: draw.answerDelayMs,
          apis: draw.host === 'no payment API' ? [] : undefined,
        });
        const options = {
          host: buildHost(draw.host, fake, thrown, draw.api),
          timeoutMs: draw.timeoutMs,
          signal: buildSignal(draw.signal, thrown, draw.abortAfterMs) as AbortSignalLike,
        };
        const params = buildParams(draw.params, draw.api, thrown, draw.anything);
        let outcome: PaymentOutcome | undefined;
        let rejected: unknown;
        let threwSync = false;
        try {
          const call =
            draw.api === 'requestPayment'
              ? requestPayment(params as never, options)
              : requestVirtualPayment(params as never, options);
          call.then(
            (settled) => {
              outcome = settled;
            },
            (error) => {
              rejected = error ?? 'rejected';
            },
          );
        } catch {
          threwSync = true;
        }

        // Settled once its timeout passed (at once when the timeout itself is refused).
        const { timeoutMs = 300_000 } = draw;
        await jest.advanceTimersByTimeAsync(
          typeof timeoutMs === 'number' && timeoutMs >= 1 ? timeoutMs : 0,
        );
        expect(threwSync).toBe(false);
        expect(rejected).toBeUndefined();
        expect(outcome).toBeDefined();
        const settled = outcome as PaymentOutcome;
        expect(['ok', 'cancelled', 'failed']).toContain(settled.status);
        expect(typeof settled.errMsg).toBe('string');
        if (settled.status === 'failed') {
          expect(Object.keys(FAIL_CODES)).toContain(settled.code);
          expect(settled.detail).toEqual(expect.any(String));
          expect(settled.detail).not.toBe('');
          expect(settled.detail).not.toMatch(/threw undefined\.?$/);
          if (REFUSALS.includes(settled.code)) {
            expect(settled.errMsg).toBe('');
            expect(settled.raw).toBeUndefined();
          }
        }
        expect(fake.sheetsOpened).toBeLessThanOrEqual(draw.params === 'valid' ? 1 : 0);

        // The host side ends: the timeout passed, lost answers come late. Nothing is left.
        fake.deliverLost('ok');
        await jest.advanceTimersByTimeAsync(100);
        expect(fake.pendingAnswers).toBe(0);
        expect(jest.getTimerCount()).toBe(0);
      },
    ),
    { numRuns: 300 },
  );
});
