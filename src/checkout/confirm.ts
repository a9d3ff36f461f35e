import { resultDetails as say } from './result-details';
import type { Run } from './run';
import { polledResult } from './steps/build-result';
import { pollOrder } from './steps/poll-order';
import type { CheckoutResult } from './types';

/** `confirm(orderId)`: query an existing order until a final state or the deadline. */
export async function confirm(run: Run, orderId: unknown): Promise<CheckoutResult> {
  if (typeof orderId !== 'string' || !orderId) {
    return { status: 'failed', code: 'invalid_params', detail: say.badOrderId(orderId) };
  }
  run.stage('confirming', orderId);
  const poll = await pollOrder(run, orderId, 'until_final');
  const { deadlineMs } = run.settings.pollSchedule;
  return polledResult(orderId, poll, { deadlineMs });
}
