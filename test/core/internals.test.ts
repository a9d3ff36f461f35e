// Helpers the checkout shares with the core, tested here so that the core's own tests cover
// every file of src/core and src/validation.
import { createAbortController, onAbort } from '../../src/core/abort-signal';
import { describeValue, fieldsOf } from '../../src/validation/rules';

describe('createAbortController', () => {
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
});

describe('onAbort', () => {
  it('without a signal, never calls back and returns a harmless stop', () => {
    const listener = jest.fn();
    const stop = onAbort(undefined, listener);
    expect(() => stop()).not.toThrow();
    expect(listener).not.toHaveBeenCalled();
  });

  it('works with a signal that cannot stop listening', () => {
    const listeners: Array<() => void> = [];
    const signal = {
      aborted: false,
      addEventListener: (_: 'abort', l: () => void) => listeners.push(l),
    };
    const listener = jest.fn();
    const stop = onAbort(signal, listener);
    expect(() => stop()).not.toThrow();
    for (const l of listeners) l();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('describeValue and fieldsOf', () => {
  it.each([
    ['x'.repeat(50), `"${'x'.repeat(40)}"`],
    ['a "quoted" text', '"a \\"quoted\\" text"'],
    [null, 'null'],
    [undefined, 'undefined'],
    [42, '42'],
    [{}, 'object'],
    [Object.create(null), 'object'],
    [Symbol('s'), 'symbol'],
  ])('describes %p as %s', (value, described) => {
    expect(describeValue(value)).toBe(described);
  });

  it.each([null, undefined, 'text', 42, [1], () => {}])('reads %p as no fields', (value) => {
    expect(fieldsOf(value)).toEqual({});
  });

  it('reads an object as itself', () => {
    const object = { a: 1 };
    expect(fieldsOf(object)).toBe(object);
  });
});
