// The testing kit refuses what it cannot play, naming it, before a test runs into a fake that
// silently never answers: a TypeError starting with [miniprogram-pay/testing].
import {
  createFakeBackend,
  createFakeHost,
  fetchRequest,
  runUntil,
  runUntilSettled,
} from 'miniprogram-pay/testing';

// biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
const any = (value: unknown): any => value;

/** The message of a TypeError of `api` naming `option`: what it must be, and what it got. */
function refusal(api: string, option: string): RegExp {
  const name = option.replace(/[[\]]/g, '\\$&');
  return new RegExp(`^\\[miniprogram-pay/testing\\] ${api}: ${name} must be .*, got .+\\.$`);
}

/** What `call` threw, synchronously or as a rejection. */
async function thrownBy(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('createFakeHost refuses options it cannot play', () => {
  it.each<[string, unknown, string]>([
    ['options that are no object', 'ok', 'its options'],
    ['a behaviour it does not know', { cashier: 'approve' }, 'cashier'],
    ['a step in a list it does not know', { cashier: ['ok', 'approve'] }, 'cashier[1]'],
    ['a negative step delay', { cashier: { behaviour: 'ok', delayMs: -1 } }, 'cashier'],
    [
      'answers on a channel hosts do not have',
      { cashier: { answers: [{ channel: 'done' }] } },
      'cashier',
    ],
    ['a failDetail that is a number', { failDetail: 5 }, 'failDetail'],
    ['a negative answerDelayMs', { answerDelayMs: -5 }, 'answerDelayMs'],
    ['an API the family does not have', { apis: ['requestPayment', 'pay'] }, 'apis'],
    ['canIUse that is no function', { canIUse: true }, 'canIUse'],
    ['storage that is a string', { storage: '{}' }, 'storage'],
    ['storageThrows that is a string', { storageThrows: 'yes' }, 'storageThrows'],
    ['a request handler it does not know', { request: 'http' }, 'request'],
  ])('%s: names %s', (_name, options, option) => {
    expect(() => createFakeHost(any(options))).toThrow(refusal('createFakeHost', option));
  });

  it('takes every option in its documented shape', () => {
    expect(() =>
      createFakeHost({
        cashier: [
          'ok',
          { behaviour: 'cancel', delayMs: 5 },
          { answers: [{ channel: 'fail', answer: {} }] },
        ],
        failDetail: 'x',
        answerDelayMs: 0,
        apis: ['requestPayment'],
        canIUse: () => true,
        storage: {},
        storageThrows: false,
        request: 'fetch',
      }),
    ).not.toThrow();
  });

  it('setCashier and deliverLost refuse steps the same way', () => {
    const host = createFakeHost();
    expect(() => host.setCashier(any(['ok', 7]))).toThrow(
      /^\[miniprogram-pay\/testing\] FakeHost\.setCashier: steps\[1\] must be/,
    );
    expect(() => host.deliverLost(any('approve'))).toThrow(
      /^\[miniprogram-pay\/testing\] FakeHost\.deliverLost: step must be/,
    );
  });
});

describe('createFakeBackend refuses options it cannot play', () => {
  it.each<[string, unknown, string]>([
    ['options that are no object', 5, 'its options'],
    ['a state that is a platform state', { state: 'SUCCESS' }, 'state'],
    ['a negative pendingQueries', { pendingQueries: -1 }, 'pendingQueries'],
    ['an infinite pendingMs', { pendingMs: Number.POSITIVE_INFINITY }, 'pendingMs'],
    ['a latencyMs that is a string', { latencyMs: '100' }, 'latencyMs'],
    ['a negative createLatencyMs', { createLatencyMs: -1 }, 'createLatencyMs'],
    ['longPoll that is a string', { longPoll: 'no' }, 'longPoll'],
    ['a script that is no list', { script: 'paid' }, 'script'],
    ['a script answer it does not know', { script: ['paid', 'done'] }, 'script[1]'],
    ['an order that is a number', { order: 5 }, 'order'],
    ['an order answer it does not know', { order: 'created' }, 'order'],
  ])('%s: names %s', (_name, options, option) => {
    expect(() => createFakeBackend(any(options))).toThrow(refusal('createFakeBackend', option));
  });

  it('takes every option in its documented shape', () => {
    expect(() =>
      createFakeBackend({
        state: 'closed',
        pendingQueries: 1,
        pendingMs: 10,
        script: [undefined, 'paid', { reject: new Error('502') }, { resolve: 'garbage' }, 'hang'],
        latencyMs: 0,
        longPoll: false,
        order: 'hang',
        createLatencyMs: 0,
      }),
    ).not.toThrow();
    expect(() => createFakeBackend({ order: () => ({}) })).not.toThrow();
  });

  it('setState refuses a state or an order id it cannot set', () => {
    const backend = createFakeBackend();
    expect(() => backend.setState(any('PAID'))).toThrow(
      /^\[miniprogram-pay\/testing\] FakeBackend\.setState: state must be pending, paid, closed, failed, refunded, got "PAID"\.$/,
    );
    expect(() => backend.setState('paid', any(''))).toThrow(
      /FakeBackend\.setState: orderId must be a non-empty string, or left out, got ""\./,
    );
  });
});

describe('fetchRequest, runUntil and runUntilSettled refuse what they cannot use', () => {
  it.each<[string, () => unknown, RegExp]>([
    [
      'fetchRequest, options that are no object',
      () => fetchRequest(any('fetch')),
      /fetchRequest: its options must be/,
    ],
    [
      'fetchRequest, a fetch that is no function',
      () => fetchRequest(any({ fetch: 'node-fetch' })),
      /fetchRequest: fetch must be a function/,
    ],
    [
      'runUntil, a condition that is no function',
      () => runUntil(any(true), jest.advanceTimersByTimeAsync),
      /runUntil: condition must be a function/,
    ],
    [
      'runUntil, no time advance',
      () => runUntil(() => true, any(undefined)),
      /runUntil: advanceTimersByTime must be a function/,
    ],
    [
      'runUntil, stepMs 0 (it would never end)',
      () =>
        runUntil(
          () => false,
          async () => {},
          { stepMs: 0 },
        ),
      /runUntil: stepMs must be a number from 1/,
    ],
    [
      'runUntil, a negative maxMs',
      () =>
        runUntil(
          () => false,
          async () => {},
          { maxMs: -1 },
        ),
      /runUntil: maxMs must be a number from 0/,
    ],
    [
      'runUntilSettled, no promise',
      () => runUntilSettled(any(42), jest.advanceTimersByTimeAsync),
      /runUntilSettled: promise must be a promise, got 42\./,
    ],
  ])('%s', async (_name, call, message) => {
    const error = await thrownBy(call);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^\[miniprogram-pay\/testing\] /);
    expect((error as Error).message).toMatch(message);
  });
});
