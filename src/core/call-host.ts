import { onAbort } from './abort-signal';
import type { CallOptions } from './call-options';
import { type PaymentHost, resolveHost } from './host';
import { normalizeOutcome } from './normalize-outcome';
import {
  type FailCode,
  type FailedOutcome,
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
    const host = resolveHost(injected) as PaymentHost;
    const open = host?.[api] as ((options: object) => unknown) | undefined;
    let settled: PaymentOutcome | undefined;
    let emptyAnswer: PaymentOutcome | undefined;
    // What to undo when the call settles; replaced once the host is taken.
    let release = () => {};
    const settle = (outcome: PaymentOutcome) => {
      if (!settled) {
        settled = outcome;
        release();
        resolve(outcome);
      }
    };
    const refuse = (code: FailCode, detail: string, extra?: Partial<FailedOutcome>) =>
      settle(failed(api, code, detail, extra));
    const abort = () => refuse('aborted', 'aborted');
    const answer = (channel: HostChannel) => (raw: unknown) => {
      const outcome = normalizeOutcome(raw, channel);
      // An empty answer may be followed by a real one in the same turn (success, then complete).
      if (outcome.errMsg || outcome.status !== 'failed') settle(outcome);
      else if (!emptyAnswer) {
        emptyAnswer = outcome;
        Promise.resolve(outcome).then(settle);
      }
    };

    if (!(timeoutMs === undefined || (timeoutMs > 0 && timeoutMs < 2 ** 31))) {
      issues.push({ field: 'timeoutMs', message: 'expected ms > 0' });
    }
    try {
      if (issues.length) {
        refuse(
          'invalid_params',
          issues.map((issue) => `${issue.field} ${issue.message}`).join('; '),
          {
            issues,
          },
        );
      } else if (signal?.aborted) abort();
      else if (typeof open !== 'function' || host.canIUse?.(api) === false) {
        refuse('unsupported', `no ${host ? api : 'host'}`);
      } else if (hostsInFlight.has(host)) refuse('busy', 'already open');
      else {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let stopListening: (() => void) | undefined;
        hostsInFlight.add(host);
        // Set before anything below can throw, so that the catch releases the host too.
        release = () => {
          hostsInFlight.delete(host);
          clearTimeout(timer);
          stopListening?.();
        };
        stopListening = onAbort(signal, abort);
        if (timeoutMs) {
          timer = setTimeout(() => refuse('timeout', `no answer in ${timeoutMs} ms`), timeoutMs);
        }
        const returned = open.call(host, {
          ...value,
          success: answer('success'),
          fail: answer('fail'),
          complete: answer('complete'),
        }) as PromiseLike<unknown> | undefined;
        // Promisified hosts (framework wrappers) may ignore the callbacks and return a promise.
        returned?.then?.(answer('success'), answer('fail'));
      }
    } catch (error) {
      refuse('host_error', `threw ${(error as Error)?.message}`, { raw: error });
    }
  });
}
