import { DEFAULT_HOST_TIMEOUT_MS } from '../defaults';
import { MAX_TIMER_MS } from '../shared/time';
import { describeValue } from '../shared/values';
import type { PreparedParams } from '../validation/prepared-params';
import { type AbortSignalLike, listenToCaller, onAbort } from './abort-signal';
import type { CallOptions } from './call-options';
import { resolveHost } from './host';
import { type ReleaseHost, takeHost } from './host-lock';
import { hostMessages as say } from './messages';
import { normalizeOutcome } from './normalize-outcome';
import { type HostChannel, type ParamIssue, type PaymentOutcome, refusal } from './outcome';
import type { PaymentApi } from './payment-apis';

/** The checkout took the callback as lost (the app came back and no callback followed). */
export interface LostCallback {
  readonly status: 'lost';
}

/** How a checkout runs its cashier through {@link callHost}. */
export interface CashierControl {
  /** Frees the host the checkout took before its order was created; the call calls it. */
  readonly releaseHost: ReleaseHost;
  /** Aborted by the checkout once it takes the callback as lost: the host is freed. */
  readonly lost: AbortSignalLike;
  /** Called once the host is free again, whatever freed it. */
  readonly onHostFree: () => void;
}

/**
 * Calls a host payment API once and resolves its normalised outcome. Never rejects, and
 * settles once, whatever the host does: missing, throwing, answering twice, only on
 * `complete`, through a returned promise, or never (then `timeoutMs`). The host stays taken
 * until its sheet answers or `timeoutMs` passes, even after an abort (see `host-lock.ts`).
 */
export function callHost(
  api: PaymentApi,
  prepared: PreparedParams,
  options?: CallOptions,
): Promise<PaymentOutcome>;
export function callHost(
  api: PaymentApi,
  prepared: PreparedParams,
  options: CallOptions | undefined,
  control: CashierControl,
): Promise<PaymentOutcome | LostCallback>;
export function callHost(
  api: PaymentApi,
  prepared: PreparedParams,
  options: CallOptions = {},
  control?: CashierControl,
): Promise<PaymentOutcome | LostCallback> {
  return new Promise((resolve) => {
    let releaseHost = control?.releaseHost;
    let settled = false;
    let hostFree = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopCaller = () => {};
    let stopLost = () => {};
    const settle = (outcome: PaymentOutcome | LostCallback) => {
      if (settled) return;
      settled = true;
      stopCaller();
      resolve(outcome);
    };
    // The host side ends when its sheet answers, at the timeout, or when the callback is lost.
    const end = (outcome: PaymentOutcome | LostCallback) => {
      settle(outcome);
      if (hostFree) return;
      hostFree = true;
      clearTimeout(timer);
      stopLost();
      releaseHost?.();
      control?.onHostFree();
    };
    const invalid = (issues: ParamIssue[]) =>
      end(refusal('invalid_params', say.invalid(issues), { issues }));
    let step = 'Reading the call options';
    try {
      const { host: injected, timeoutMs = DEFAULT_HOST_TIMEOUT_MS, signal } = options;
      const issues = prepared.issues.concat(timeoutIssues(timeoutMs));
      if (issues.length) return invalid(issues);
      let caller: ReturnType<typeof listenToCaller>;
      try {
        caller = listenToCaller(signal, () =>
          settle(refusal('aborted', timer ? say.abortedDuring : say.abortedBefore)),
        );
      } catch (error) {
        return invalid([{ field: 'signal', message: (error as Error).message }]);
      }
      stopCaller = caller.stop;
      // A hand-made signal may call its listener from inside addEventListener.
      if (caller.aborted || settled) return end(refusal('aborted', say.abortedBefore));
      const host = resolveHost(injected);
      if (!host) return end(refusal('unsupported', say.noHost));
      step = `Reading wx.${api}`;
      const open = (host as Record<string, unknown>)[api];
      if (typeof open !== 'function') return end(refusal('unsupported', say.noApi(api)));
      step = 'Using wx.canIUse';
      if (host.canIUse?.(api) === false) return end(refusal('unsupported', say.canIUseSaysNo(api)));
      releaseHost ??= takeHost(host);
      if (!releaseHost) return settle(refusal('busy', say.busy));

      if (control) stopLost = onAbort(control.lost, () => end({ status: 'lost' }));
      timer = setTimeout(() => end(refusal('timeout', say.timeout(timeoutMs))), timeoutMs);
      const answer = answerHandler(end);
      step = `Calling wx.${api}`;
      const returned = open.call(host, {
        ...prepared.value,
        success: answer('success'),
        fail: answer('fail'),
        complete: answer('complete'),
      });
      // Promisified hosts (framework wrappers) may ignore the callbacks and return a promise.
      step = `Reading what wx.${api} returned`;
      const then = (returned as PromiseLike<unknown> | undefined)?.then;
      if (typeof then === 'function') then.call(returned, answer('success'), answer('fail'));
    } catch (error) {
      end(refusal('host_error', say.threw(step, error), { raw: error }));
    }
  });
}

function timeoutIssues(timeoutMs: unknown): ParamIssue[] {
  if (typeof timeoutMs === 'number' && timeoutMs >= 1 && timeoutMs <= MAX_TIMER_MS) return [];
  const message = `timeoutMs must be milliseconds from 1 to ${MAX_TIMER_MS}, got ${describeValue(timeoutMs)}`;
  return [{ field: 'timeoutMs', message }];
}

/**
 * The host's callbacks: the first real answer settles. An empty answer may be followed by a
 * real one in the same turn (`fail` with nothing, then `complete` with the reason), so it
 * waits one microtask.
 */
function answerHandler(settle: (outcome: PaymentOutcome) => void) {
  let emptyAnswer: PaymentOutcome | undefined;
  return (channel: HostChannel) => (raw: unknown) => {
    const outcome = normalizeOutcome(raw, channel);
    if (outcome.errMsg || outcome.status !== 'failed') settle(outcome);
    else if (!emptyAnswer) {
      emptyAnswer = outcome;
      Promise.resolve(outcome).then(settle);
    }
  };
}
