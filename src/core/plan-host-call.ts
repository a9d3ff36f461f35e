import { DEFAULT_HOST_TIMEOUT_MS } from '../defaults';
import { MAX_TIMER_MS } from '../shared/time';
import { describeValue } from '../shared/values';
import type { PreparedParams } from '../validation/prepared-params';
import type { AbortSignalLike } from './abort-signal';
import type { CallOptions } from './call-options';
import { failureDetails as say } from './failure-details';
import { type PaymentHost, resolveHost } from './host';
import { type FailedOutcome, type ParamIssue, refusal } from './outcome';
import type { PaymentApi } from './payment-apis';

/** A payment call that may go ahead: the host, its API and exactly what the API receives. */
export interface ReadyCall {
  readonly status: 'ready';
  readonly host: PaymentHost;
  readonly api: PaymentApi;
  /** The host's own function, e.g. `wx.requestPayment`, read once. */
  readonly open: (options: object) => unknown;
  readonly params: object;
  readonly timeoutMs: number;
  /** The caller's signal, as given: not read yet. */
  readonly signal: AbortSignalLike | undefined;
}

/**
 * Decides whether a payment call can go ahead, opening nothing: the library's refusal, or the
 * call, ready. The parameters and `timeoutMs` must be valid, the host must have the API and
 * its `canIUse` must not refuse it. What it reads may throw (a getter, a Proxy): that is a
 * `host_error` naming what was read. Never throws.
 */
export function planHostCall(
  api: PaymentApi,
  prepared: PreparedParams,
  options: CallOptions = {},
): FailedOutcome | ReadyCall {
  let given: PaymentHost | undefined;
  let timeoutMs: number;
  let signal: AbortSignalLike | undefined;
  try {
    ({ host: given, timeoutMs = DEFAULT_HOST_TIMEOUT_MS, signal } = options);
  } catch (error) {
    return hostThrew('Reading the call options', error);
  }
  const issues = prepared.issues.concat(timeoutIssues(timeoutMs));
  if (issues.length) return invalidParams(issues);
  const host = resolveHost(given);
  if (!host) return refusal('unsupported', say.noHost);
  let open: unknown;
  try {
    open = (host as Record<string, unknown>)[api];
  } catch (error) {
    return hostThrew(`Reading wx.${api}`, error);
  }
  if (typeof open !== 'function') return refusal('unsupported', say.noApi(api));
  try {
    if (host.canIUse?.(api) === false) return refusal('unsupported', say.canIUseSaysNo(api));
  } catch (error) {
    return hostThrew('Using wx.canIUse', error);
  }
  const params = prepared.value;
  return { status: 'ready', host, api, open: open as ReadyCall['open'], params, timeoutMs, signal };
}

/** The refusal of parameters (or call options) that are wrong, naming each. */
export function invalidParams(issues: ParamIssue[]): FailedOutcome {
  return refusal('invalid_params', say.invalid(issues), { issues });
}

/** The `host_error` of a host (or a caller's object) that threw when `what` was done. */
export function hostThrew(what: string, thrown: unknown): FailedOutcome {
  return refusal('host_error', say.threw(what, thrown), { raw: thrown });
}

function timeoutIssues(timeoutMs: unknown): ParamIssue[] {
  if (typeof timeoutMs === 'number' && timeoutMs >= 1 && timeoutMs <= MAX_TIMER_MS) return [];
  const message = `timeoutMs must be milliseconds from 1 to ${MAX_TIMER_MS}, got ${describeValue(timeoutMs)}`;
  return [{ field: 'timeoutMs', message }];
}
