import type { PreparedOrder } from '../../shared/wire-types';
import { boundedCall, type CallResult } from '../bounded-call';
import { readOrder } from '../order';
import type { Run } from '../run';

/** Step 1 of `pay()`: `backend.createOrder(input)`, in at most `confirm.deadlineMs`. */
export function createOrder(run: Run, input: unknown): Promise<CallResult<PreparedOrder>> {
  run.stage('creating_order');
  const { backend, createTimeoutMs } = run.settings;
  return boundedCall('createOrder', (signal) => backend.createOrder(input, { signal }), readOrder, {
    timeoutMs: createTimeoutMs,
    signal: run.signal,
  });
}
