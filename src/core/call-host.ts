import { onAbort } from './abort-signal';
import type { CallOptions } from './call-options';
import { type PaymentHost, resolveHost } from './host';
import { normalizeOutcome } from './normalize-outcome';
import {
  type FailCode,
  failed,
  type HostChannel,
  type ParamIssue,
  type PaymentOutcome,
} from './outcome';

export type PaymentApi = 'requestPayment' | 'requestVirtualPayment';

/** Hosts with a cashier open right now: a second call on them is refused, not stacked. */
const hostsInFlight = new Set<PaymentHost>();

/**
 * Calls a host payment API once and resolves its normalised outcome. Never rejects: whatever
 * the host does (missing, throws, answers twice, only `complete`, never) it settles once.
 */
export function callHost(
  api: PaymentApi,
  { issues, value }: { issues: ParamIssue[]; value: object },
  { host: injected, timeoutMs, signal }: CallOptions = {},
): Promise<PaymentOutcome> {
  return new Promise((resolve) => {
    const host = resolveHost(injected);
    const open = host?.[api] as ((options: object) => unknown) | undefined;
    let settled = false;
    let emptyAnswer: PaymentOutcome | undefined;
    let timer: unknown;
    let stopListening = () => {};
    const settle = (outcome: PaymentOutcome) => {
      if (settled) return;
      settled = true;
      hostsInFlight.delete(host as PaymentHost);
      clearTimeout(timer);
      stopListening();
      resolve(outcome);
    };
    const refuse = (code: FailCode, detail: string, extra?: object) =>
      settle(failed(api, code, detail, extra));
    const answer = (channel: HostChannel) => (raw: unknown) => {
      const outcome = normalizeOutcome(raw, channel);
      if (outcome.errMsg || outcome.status !== 'failed') return settle(outcome);
      // An empty answer may be followed by a real one in the same turn (success, then complete).
      emptyAnswer = emptyAnswer || outcome;
      Promise.resolve().then(() => settle(emptyAnswer as PaymentOutcome));
    };

    if (timeoutMs !== undefined && !(timeoutMs > 0 && timeoutMs < 2 ** 31)) {
      issues.push({ field: 'timeoutMs', message: 'expected milliseconds > 0' });
    }
    if (issues.length) {
      const fields = issues.map((issue) => `${issue.field} ${issue.message}`).join('; ');
      return refuse('invalid_params', `invalid ${fields}`, { issues });
    }
    if (signal?.aborted) return refuse('aborted', 'aborted');
    try {
      if (typeof open !== 'function' || host?.canIUse?.(api) === false) {
        return refuse('unsupported', host ? `no ${api} on this host` : 'no host: wx is undefined');
      }
      if (hostsInFlight.has(host as PaymentHost)) {
        settled = true;
        return resolve(failed(api, 'busy', 'a cashier is already open'));
      }
      hostsInFlight.add(host as PaymentHost);
      stopListening = onAbort(signal, () => refuse('aborted', 'aborted'));
      if (timeoutMs)
        timer = setTimeout(() => refuse('timeout', `no answer in ${timeoutMs} ms`), timeoutMs);
      const returned = open.call(host, {
        ...value,
        success: answer('success'),
        fail: answer('fail'),
        complete: answer('complete'),
      }) as PromiseLike<unknown> | undefined;
      // Promisified hosts (framework wrappers) may ignore the callbacks and return a promise.
      if (typeof returned?.then === 'function') returned.then(answer('success'), answer('fail'));
    } catch (error) {
      refuse('host_error', `the host threw: ${(error as Error)?.message}`, { raw: error });
    }
  });
}
