import { PENDING_LIFETIME_MS } from '../defaults';
import { checkoutMessages } from './messages';
import type { PendingEntry, PendingStore } from './pending-store';
import type { Run } from './run';
import { askBackend } from './steps/ask-backend';
import { buildResult } from './steps/build-result';
import { existingOrder } from './steps/create-order';
import { NOT_OPENED } from './steps/open-cashier';
import type { CheckoutResult } from './types';

/** `confirm(orderId)`: query an existing order until a final state or the deadline. */
export async function confirm(run: Run, orderId: unknown): Promise<CheckoutResult> {
  if (typeof orderId !== 'string' || !orderId) {
    return {
      status: 'failed',
      code: 'invalid_params',
      detail: checkoutMessages.badOrderId(orderId),
    };
  }
  run.stage('confirming', orderId);
  const confirmation = await askBackend(run, orderId, 'until_final');
  return buildResult(existingOrder(orderId), NOT_OPENED, confirmation, run.settings.confirm);
}

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
    return {
      status: 'pending',
      orderId: entry.orderId,
      detail: checkoutMessages.unexpected(error),
    };
  }
}

async function askOnce(
  run: Run,
  entry: PendingEntry,
  pending: PendingStore,
): Promise<CheckoutResult> {
  const givenUp = Date.now() - entry.storedAt >= PENDING_LIFETIME_MS;
  const confirmation = await askBackend(run, entry.orderId, 'once');
  const result = buildResult(existingOrder(entry.orderId), NOT_OPENED, confirmation, {
    deadlineMs: run.settings.confirm.deadlineMs,
    givenUp,
  });
  if (givenUp) pending.forget(entry.orderId);
  else pending.record(result);
  return result;
}
