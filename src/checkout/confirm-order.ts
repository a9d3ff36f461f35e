import type { AbortSignalLike } from '../core/abort-signal';
import { attempt } from './attempt';
import { LONG_POLL_MARGIN_MS } from './confirm-options';
import { readSnapshot } from './order';
import { aborted, deadline } from './timers';
import type { ConfirmOptions, OrderSnapshot, PaymentBackend } from './types';

/** How confirmation ended: the last snapshot read (final or not), and why it is not final. */
export interface Confirmation {
  order?: OrderSnapshot;
  detail: string;
}

/**
 * Queries `orderId` on the schedule until a final state, the deadline or `signal`; with
 * `once`, a single query at once without long-poll. Ends early when the next query would
 * come after the deadline. A query in flight never outlives the deadline: its signal aborts
 * then and its answer is no longer awaited.
 */
export async function confirmOrder(
  backend: PaymentBackend,
  orderId: string,
  schedule: Required<ConfirmOptions>,
  signal: AbortSignalLike,
  once?: boolean,
): Promise<Confirmation> {
  const { deadlineMs, growth, maxIntervalMs } = schedule;
  const limit = deadline(deadlineMs, signal);
  const end = Date.now() + deadlineMs;
  let next = end - deadlineMs + (once ? 0 : schedule.firstDelayMs);
  let interval = schedule.intervalMs;
  let order: OrderSnapshot | undefined;
  let last = 'none';
  while (next < end && !limit.signal.aborted) {
    if (next > Date.now()) {
      const pause = deadline(next - Date.now(), limit.signal);
      await aborted(pause.signal);
      pause.stop();
      if (limit.signal.aborted) break;
    }
    const started = Date.now();
    const waitMs = once
      ? 0
      : Math.max(0, Math.min(schedule.waitMs, end - started - LONG_POLL_MARGIN_MS));
    const answer = await attempt(
      'queryOrder',
      () => backend.queryOrder(orderId, { waitMs, signal: limit.signal }),
      (value) => readSnapshot(value, orderId),
      limit.signal,
    );
    if (typeof answer === 'string') last = answer;
    else {
      order = answer;
      last = answer.state;
      if (last !== 'pending') break;
    }
    if (once) break;
    next = started + interval;
    interval = Math.min(interval * growth, maxIntervalMs);
  }
  limit.stop();
  return { order, detail: `not confirmed${once ? '' : ` in ${deadlineMs} ms`} (last: ${last})` };
}
