import type { OrderSnapshot } from '../../shared/wire-types';
import { boundedCall, type CallFailure } from '../bounded-call';
import { snapshotReader } from '../order';
import type { Run } from '../run';
import { sleep } from '../timers';

/** How many status queries to make: one at once, or on the schedule until a final state. */
export type PollMode = 'once' | 'until_final';

/** What the backend said about the order over the queries. */
export interface OrderPoll {
  readonly mode: PollMode;
  /** The last snapshot the backend gave; a final state is always the last answer. */
  readonly order?: OrderSnapshot;
  /** Why the last query gave no snapshot, if it gave none. */
  readonly lastFailure?: CallFailure;
  /** The caller's signal ended the queries. */
  readonly aborted: boolean;
}

/** A second is left for the answer of a long-poll before the deadline. */
const ANSWER_MARGIN_MS = 1000;

/**
 * Queries the order's state: once at once without long-poll, or on the `confirm` schedule
 * until a final state, the deadline or the signal. It ends early when the next query would
 * start after the deadline; a query in flight never outlives the deadline (its answer is no
 * longer awaited).
 */
export async function pollOrder(run: Run, orderId: string, mode: PollMode): Promise<OrderPoll> {
  const { backend, pollSchedule: schedule } = run.settings;
  const once = mode === 'once';
  const started = Date.now();
  const end = started + schedule.deadlineMs;
  let next = started + (once ? 0 : schedule.firstDelayMs);
  let interval = schedule.intervalMs;
  let order: OrderSnapshot | undefined;
  let lastFailure: CallFailure | undefined;
  while (next < end) {
    if (next > Date.now()) await sleep(next - Date.now(), run.signal);
    const askedAt = Date.now();
    if (askedAt >= end || run.signal.aborted) break;
    const waitMs = once
      ? 0
      : Math.max(0, Math.min(schedule.waitMs, end - askedAt - ANSWER_MARGIN_MS));
    const answer = await boundedCall(
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
  return { mode, order, lastFailure, aborted: run.signal.aborted };
}
