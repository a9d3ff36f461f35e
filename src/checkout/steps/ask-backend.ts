import type { OrderSnapshot } from '../../shared/wire-types';
import { type BackendFailure, callBackend } from '../backend-call';
import { snapshotReader } from '../order';
import type { Run } from '../run';
import { sleep } from '../timers';

/** How many status queries to make: one at once, or on the schedule until a final state. */
export type QueryMode = 'once' | 'until_final';

/** What the backend said about the order. */
export type Confirmation =
  | { readonly asked: false }
  | {
      readonly asked: true;
      readonly mode: QueryMode;
      /** The last snapshot the backend gave; a final state is always the last answer. */
      readonly order?: OrderSnapshot;
      /** Why the last query gave no snapshot, if it gave none. */
      readonly lastFailure?: BackendFailure;
      /** The caller's signal ended the queries. */
      readonly aborted: boolean;
    };

export const NOT_ASKED: Confirmation = { asked: false };

/** A second is left for the answer of a long-poll before the deadline. */
const ANSWER_MARGIN_MS = 1000;

/**
 * Queries the order: once at once without long-poll, or on the confirm schedule until a final
 * state, the deadline or the signal. It ends early when the next query would start after the
 * deadline; a query in flight never outlives the deadline (its answer is no longer awaited).
 */
export async function askBackend(
  run: Run,
  orderId: string,
  mode: QueryMode,
): Promise<Confirmation> {
  const { backend, confirm: schedule } = run.settings;
  const once = mode === 'once';
  const started = Date.now();
  const end = started + schedule.deadlineMs;
  let next = started + (once ? 0 : schedule.firstDelayMs);
  let interval = schedule.intervalMs;
  let order: OrderSnapshot | undefined;
  let lastFailure: BackendFailure | undefined;
  while (next < end) {
    if (next > Date.now()) await sleep(next - Date.now(), run.signal);
    const askedAt = Date.now();
    if (askedAt >= end || run.signal.aborted) break;
    const waitMs = once
      ? 0
      : Math.max(0, Math.min(schedule.waitMs, end - askedAt - ANSWER_MARGIN_MS));
    const answer = await callBackend(
      'queryOrder',
      (signal) => backend.queryOrder(orderId, { waitMs, signal }),
      snapshotReader(orderId),
      { timeoutMs: end - askedAt, signal: run.signal },
    );
    if (answer.ok) {
      order = answer.value;
      lastFailure = undefined;
      if (order.state !== 'pending') break;
    } else {
      lastFailure = answer;
    }
    if (once) break;
    next = askedAt + interval;
    interval = Math.min(interval * schedule.growth, schedule.maxIntervalMs);
  }
  return { asked: true, mode, order, lastFailure, aborted: run.signal.aborted };
}
