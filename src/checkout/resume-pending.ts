import { PENDING_LIFETIME_MS } from '../defaults';
import type { PendingEntry, PendingStore } from './pending-store';
import { resultDetails as say } from './result-details';
import type { Run } from './run';
import { polledResult } from './steps/build-result';
import { pollOrder } from './steps/poll-order';
import type { CheckoutResult } from './types';

/**
 * One order of `resumePending()`: a single query. An order kept as long as a prepay_id
 * lives is asked one last time, then forgotten whatever the answer.
 */
export async function resumeOrder(
  run: Run,
  entry: PendingEntry,
  pending: PendingStore,
): Promise<CheckoutResult> {
  try {
    return await askOnce(run, entry, pending);
  } catch (error) {
    return { status: 'pending', orderId: entry.orderId, detail: say.unexpected(error) };
  }
}

async function askOnce(
  run: Run,
  { orderId, storedAt }: PendingEntry,
  pending: PendingStore,
): Promise<CheckoutResult> {
  const givenUp = Date.now() - storedAt >= PENDING_LIFETIME_MS;
  const poll = await pollOrder(run, orderId, 'once');
  const { deadlineMs } = run.settings.pollSchedule;
  const result = polledResult(orderId, poll, { deadlineMs, givenUp });
  if (givenUp) pending.forget(orderId);
  else pending.record(result);
  return result;
}
