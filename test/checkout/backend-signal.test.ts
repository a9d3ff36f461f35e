// The signal a backend function receives (ctx.signal): the library makes it, for hosts without
// AbortController, and it behaves as an AbortSignal does for the listeners a backend adds.
import { type AbortSignalLike, createCheckout, type PaymentBackend } from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';

/** A backend whose createOrder never answers and hands over the signal it got. */
function backendKeepingSignal() {
  const received: AbortSignalLike[] = [];
  const backend: PaymentBackend = {
    createOrder: (_input, { signal }) => {
      if (signal) received.push(signal);
      return new Promise(() => {});
    },
    queryOrder: async () => undefined,
  };
  return { backend, received };
}

describe("The backend's signal", () => {
  it('aborts once when the caller aborts, even a caller whose signal fires twice: each listener still listening runs once, in order', async () => {
    const { backend, received } = backendKeepingSignal();
    const checkout = createCheckout({ backend, host: createFakeHost() });
    const callerListeners: Array<() => void> = [];
    const caller = {
      signal: {
        aborted: false,
        addEventListener: (_type: 'abort', listener: () => void) =>
          void callerListeners.push(listener),
      },
      abort() {
        caller.signal.aborted = true;
        for (const listener of [...callerListeners, ...callerListeners]) listener();
      },
    };
    const paying = checkout.pay({}, { signal: caller.signal });
    const [signal] = received;
    if (!signal?.removeEventListener)
      throw new Error('createOrder got no signal it can stop listening to');
    const heard: string[] = [];
    const listen = (name: string) => {
      const listener = () => heard.push(name);
      signal.addEventListener('abort', listener);
      return () => signal.removeEventListener?.('abort', listener);
    };
    listen('first');
    listen('second');
    const stopThird = listen('third');
    stopThird();
    stopThird();
    expect(signal.aborted).toBe(false);
    caller.abort();
    expect(await paying).toMatchObject({ status: 'failed', code: 'aborted' });
    caller.abort();
    expect(signal.aborted).toBe(true);
    expect(heard).toEqual(['first', 'second']);
    listen('late');
    expect(heard).toEqual(['first', 'second']);
  });

  it('aborts at the deadline, the answer no longer awaited', async () => {
    jest.useFakeTimers();
    try {
      const { backend, received } = backendKeepingSignal();
      const checkout = createCheckout({
        backend,
        host: createFakeHost(),
        confirm: { deadlineMs: 1000 },
      });
      const paying = checkout.pay({});
      await jest.advanceTimersByTimeAsync(1000);
      expect(received[0]?.aborted).toBe(true);
      expect(await paying).toMatchObject({
        code: 'create_order_failed',
        detail: 'backend.createOrder gave no answer within 1000 ms.',
      });
    } finally {
      jest.useRealTimers();
    }
  });
});
