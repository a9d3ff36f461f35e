import { createCheckout } from '../../src/checkout/create-checkout';
import type { CheckoutConfig, CheckoutStage } from '../../src/checkout/options';
import type { CheckoutResult } from '../../src/checkout/types';
import type { AbortSignalLike } from '../../src/core/abort-signal';
import { createFakeBackend, type FakeBackendOptions } from '../../src/testing/fake-backend';
import { createFakeHost, type FakeHostOptions } from '../../src/testing/fake-host';
import { runUntilSettled } from '../../src/testing/run-until-settled';

/** A checkout over a fake host and a fake backend; records the stages it goes through. */
export function setup(
  options: {
    host?: FakeHostOptions;
    backend?: FakeBackendOptions;
    config?: Partial<CheckoutConfig>;
  } = {},
) {
  const host = createFakeHost(options.host);
  const backend = createFakeBackend(options.backend);
  const stages: Array<[CheckoutStage, string | undefined]> = [];
  const checkout = createCheckout({
    backend,
    host,
    onStage: (stage, info) => stages.push([stage, info.orderId]),
    ...options.config,
  });
  return { host, backend, checkout, stages };
}

/** Tracks a promise: whether and when (fake clock) it settled, never rejects. */
export function track(promise: Promise<CheckoutResult>) {
  const state: { settled: boolean; rejected: boolean; result?: CheckoutResult; at?: number } = {
    settled: false,
    rejected: false,
  };
  promise.then(
    (result) => {
      state.settled = true;
      state.result = result;
      state.at = Date.now();
    },
    () => {
      state.rejected = true;
    },
  );
  return state;
}

/** Runs fake time in 100 ms steps until `promise` settles (at most `maxMs`); its result. */
export function settle<T>(promise: Promise<T>, maxMs = 120_000): Promise<T> {
  return runUntilSettled(promise, jest.advanceTimersByTimeAsync, { maxMs });
}

/** An abort signal that counts its listeners, to check that nothing is left listening. */
export function countingSignal() {
  const listeners: Array<() => void> = [];
  const signal = {
    aborted: false,
    addEventListener: (_type: 'abort', listener: () => void) => void listeners.push(listener),
    removeEventListener: (_type: 'abort', listener: () => void) => {
      const index = listeners.indexOf(listener);
      if (index >= 0) listeners.splice(index, 1);
    },
  };
  return {
    signal: signal as AbortSignalLike,
    abort() {
      if (signal.aborted) return;
      signal.aborted = true;
      for (const listener of listeners.splice(0)) listener();
    },
    get listeners() {
      return listeners.length;
    },
  };
}
