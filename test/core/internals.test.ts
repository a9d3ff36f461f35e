// The building blocks behind the options and messages of a payment call, each held to what
// the call promises: the controller for hosts without AbortController, reading a caller's
// signal, describing values and throws for messages, and the data-driven field rules.
import { createAbortController, listenToCaller, onAbort } from '../../src/core/abort-signal';
import { describeThrown, describeValue, excerpt, isRecord } from '../../src/shared/values';
import { checkFields, isLeftOut } from '../../src/validation/rules';
import {
  DESCRIBED_THROWN,
  mustBe,
  revokedProxy,
  THROWN_KINDS,
  throwingProxy,
  thrownOf,
  unreadable,
  withThrowingGetter,
} from './helpers';

describe('Aborting: the controller for mini programs without AbortController', () => {
  it('runs each listener once, in order, and only the ones still listening', () => {
    const controller = createAbortController();
    const heard: string[] = [];
    const stopA = onAbort(controller.signal, () => heard.push('a'));
    onAbort(controller.signal, () => heard.push('b'));
    const stopC = onAbort(controller.signal, () => heard.push('c'));
    stopC();
    stopC();
    expect(controller.signal.aborted).toBe(false);
    controller.abort();
    controller.abort();
    stopA();
    expect(heard).toEqual(['a', 'b']);
    expect(controller.signal.aborted).toBe(true);
  });

  it('does not run a listener added after the abort', () => {
    const controller = createAbortController();
    controller.abort();
    const listener = jest.fn();
    onAbort(controller.signal, listener);
    controller.abort();
    expect(listener).not.toHaveBeenCalled();
  });

  it('onAbort works with a signal that cannot stop listening', () => {
    const listeners: Array<() => void> = [];
    const signal = {
      aborted: false,
      addEventListener: (_: 'abort', l: () => void) => listeners.push(l),
    };
    const listener = jest.fn();
    const stop = onAbort(signal, listener);
    stop();
    for (const l of listeners) l();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("Options of a payment call: signal, as the library reads the caller's", () => {
  it('without a signal: not aborted, nothing listens', () => {
    const listener = jest.fn();
    const caller = listenToCaller(undefined, listener);
    expect(caller.aborted).toBe(false);
    caller.stop();
    expect(listener).not.toHaveBeenCalled();
  });

  it('an aborted signal is reported at once, and not listened to', () => {
    const signal = { aborted: true, addEventListener: jest.fn() };
    expect(listenToCaller(signal, () => {}).aborted).toBe(true);
    expect(signal.addEventListener).not.toHaveBeenCalled();
  });

  it('a live signal is listened to until stop, which removes the same listener', () => {
    const controller = new AbortController();
    const listener = jest.fn();
    const remove = jest.spyOn(controller.signal, 'removeEventListener');
    const caller = listenToCaller(controller.signal, listener);
    expect(caller.aborted).toBe(false);
    caller.stop();
    expect(remove).toHaveBeenCalledWith('abort', listener);
    controller.abort();
    expect(listener).not.toHaveBeenCalled();
  });

  it.each([
    ['has no addEventListener', { aborted: false }, 'no addEventListener function'],
    [
      'throws from its aborted getter',
      withThrowingGetter({ addEventListener() {} }, 'aborted', new Error('x')),
      'threw Error: x',
    ],
    ['is a Proxy whose trap throws', throwingProxy({}, 'trapped'), 'threw "trapped", not an Error'],
  ])('a signal that %s throws a TypeError saying why', (_name, signal, why) => {
    const read = () => listenToCaller(signal as never, () => {});
    expect(read).toThrow(TypeError);
    expect(read).toThrow(why);
  });

  it('stop never throws, even when removeEventListener does', () => {
    const signal = {
      aborted: false,
      addEventListener() {},
      removeEventListener() {
        throw new Error('no');
      },
    };
    expect(() => listenToCaller(signal, () => {}).stop()).not.toThrow();
  });
});

describe('What a payment call resolves to: detail describes the value it got (describeValue)', () => {
  it.each([
    ['abc', '"abc"'],
    ['x'.repeat(50), `"${'x'.repeat(40)}…"`],
    ['x'.repeat(40), `"${'x'.repeat(40)}"`],
    [null, 'null'],
    [undefined, 'undefined'],
    [42, '42'],
    [true, 'true'],
    [{}, 'an object'],
    [Object.create(null), 'an object'],
    [[1], 'an array'],
    [() => 1, 'a function'],
    [Symbol('s'), 'Symbol(s)'],
  ])('describes %p as %s', (value, described) => {
    expect(describeValue(value)).toBe(described);
  });

  it('excerpt cuts a text to its length, marking the cut', () => {
    expect(excerpt('abcdef', 3)).toBe('abc…');
    expect(excerpt('abc', 3)).toBe('abc');
  });
});

describe('What a payment call resolves to: detail describes what was thrown (describeThrown)', () => {
  it.each(THROWN_KINDS)('describes a thrown %s, never as undefined', (kind) => {
    expect(describeThrown(thrownOf(kind))).toBe(DESCRIBED_THROWN[kind]);
  });

  it.each([
    ['a TypeError', new TypeError('bad'), 'TypeError: bad'],
    ['an Error-like object', { name: 'HostError', message: 'sheet gone' }, 'HostError: sheet gone'],
    ['a number', 7, '7, not an Error'],
    ['a long string', 'y'.repeat(60), `"${'y'.repeat(40)}…", not an Error`],
    ['a circular object', circular(), 'an object, not an Error'],
    ['an array', [1, 2], 'an array, not an Error: [1,2]'],
  ])('describes %s', (_name, thrown, described) => {
    expect(describeThrown(thrown)).toBe(described);
  });

  it('never throws: a revoked Proxy', () => {
    expect(() => describeThrown(revokedProxy())).not.toThrow();
  });
});

describe('Parameter shapes: the field rules', () => {
  const rules = [
    { field: 'id', mustBe: 'digits', types: ['string', 'number'] as const, pattern: /^\d+$/ },
    { field: 'note', mustBe: 'a word', types: ['string', 'undefined'] as const, pattern: /^\w+$/ },
  ];

  it('checkFields reads each field once, keeps the values and names the bad ones with a prefix', () => {
    let reads = 0;
    const input = {
      get id() {
        reads++;
        return 12;
      },
      note: 'two words',
    };
    expect(checkFields(input, rules, 'order.')).toEqual({
      values: { id: 12, note: 'two words' },
      issues: [{ field: 'order.note', message: mustBe('order.note', '"two words"', 'a word') }],
    });
    expect(reads).toBe(1);
  });

  it('checkFields matches a number by its digits, and an optional field may be left out', () => {
    expect(checkFields({ id: 1.5 }, rules).issues.map((issue) => issue.field)).toEqual(['id']);
    expect(checkFields({ id: '7' }, rules).issues).toEqual([]);
  });

  it('checkFields turns a throwing getter into an issue naming the field', () => {
    const input = withThrowingGetter({ note: 'ok' }, 'id', new RangeError('gone'));
    expect(checkFields(input, rules).issues).toEqual([
      { field: 'id', message: unreadable('id', 'RangeError: gone') },
    ]);
  });

  it('isLeftOut: undefined is left out; a field that cannot be read counts as given', () => {
    expect(isLeftOut({}, 'pkg')).toBe(true);
    expect(isLeftOut({ pkg: undefined }, 'pkg')).toBe(true);
    expect(isLeftOut({ pkg: '' }, 'pkg')).toBe(false);
    expect(isLeftOut(withThrowingGetter({}, 'pkg', 'no'), 'pkg')).toBe(false);
  });

  it.each([
    [{}, true],
    [Object.create(null), true],
    [null, false],
    [[], false],
    ['text', false],
    [() => {}, false],
  ])('isRecord(%p) is %p', (value, fields) => {
    expect(isRecord(value)).toBe(fields);
  });
});

function circular(): object {
  const object: { self?: object } = {};
  object.self = object;
  return object;
}
