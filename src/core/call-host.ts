import type { PreparedParams } from '../validation/prepared-params';
import { listenToCaller } from './abort-signal';
import type { CallOptions } from './call-options';
import { failureDetails as say } from './failure-details';
import { takeHost } from './host-lock';
import { openSheet } from './open-sheet';
import { type PaymentOutcome, refusal } from './outcome';
import type { PaymentApi } from './payment-apis';
import { invalidParams, planHostCall } from './plan-host-call';

/**
 * Calls a host payment API once and resolves its normalised outcome. Never rejects, and
 * settles once: refused before anything opens (see {@link planHostCall}, a signal it cannot
 * use, a cashier already open), else the sheet's answer, unless the caller aborts first. The
 * host stays taken until its sheet answers or `timeoutMs` passes, even after an abort (see
 * `host-lock.ts`).
 */
export function callHost(
  api: PaymentApi,
  prepared: PreparedParams,
  options?: CallOptions,
): Promise<PaymentOutcome> {
  return new Promise((resolve) => {
    const call = planHostCall(api, prepared, options);
    if (call.status !== 'ready') return resolve(call);
    let opened = false;
    let settled = false;
    let stopCaller = () => {};
    const settle = (outcome: PaymentOutcome) => {
      settled = true;
      stopCaller();
      resolve(outcome);
    };
    const abort = () => settle(refusal('aborted', opened ? say.abortedDuring : say.abortedBefore));
    try {
      const caller = listenToCaller(call.signal, abort);
      stopCaller = caller.stop;
      // A hand-made signal may call its listener from inside addEventListener.
      if (caller.aborted || settled) return abort();
    } catch (error) {
      return resolve(invalidParams([{ field: 'signal', message: (error as Error).message }]));
    }
    const releaseHost = takeHost(call.host);
    if (!releaseHost) return settle(refusal('busy', say.busy));
    opened = true;
    openSheet(call, (outcome) => {
      releaseHost();
      settle(outcome);
    });
  });
}
