import type { PreparedOrder } from '../../shared/wire-types';
import { type BackendFailure, callBackend } from '../backend-call';
import { readOrder } from '../order';
import type { Run } from '../run';

/** The order to pay: created by the backend, or known already (`confirm()`), or why not. */
export type OrderCreation =
  | { readonly ok: true; readonly orderId: string; readonly order?: PreparedOrder }
  | { readonly ok: false; readonly failure: BackendFailure };

/** Step 1 of `pay()`: `backend.createOrder(input)`, bounded by the confirm deadline. */
export async function createOrder(run: Run, input: unknown): Promise<OrderCreation> {
  run.stage('creating_order');
  const { backend, confirm } = run.settings;
  const created = await callBackend(
    'createOrder',
    (signal) => backend.createOrder(input, { signal }),
    readOrder,
    { timeoutMs: confirm.deadlineMs, signal: run.signal },
  );
  if (!created.ok) return { ok: false, failure: created };
  return { ok: true, orderId: created.value.orderId, order: created.value };
}

/** An order the caller already has (`confirm(orderId)`, a resumed order). */
export function existingOrder(orderId: string): OrderCreation {
  return { ok: true, orderId };
}
