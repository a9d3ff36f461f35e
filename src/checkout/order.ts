import { toOrderState } from '../shared/order-state';
import { describeValue, isRecord } from '../shared/values';
import type { OrderSnapshot, PreparedOrder } from '../shared/wire-types';
import type { AnswerReader } from './bounded-call';
import { orderKinds } from './cashier-apis';

/** `createOrder`'s answer, if it is an order (copied: a Proxy cannot change it later). */
export const readOrder: AnswerReader<PreparedOrder> = (answer) => {
  const { orderId, kind, params } = fieldsOf(answer);
  const kinds = orderKinds();
  let problem = '';
  if (!isRecord(answer)) problem = `${describeValue(answer)} instead of an order`;
  else if (typeof orderId !== 'string' || !orderId)
    problem = `an order whose orderId is ${describeValue(orderId)}`;
  else if (kinds.indexOf(kind as PreparedOrder['kind']) < 0) {
    problem = `an order whose kind is ${describeValue(kind)}, not one of ${kinds.join(', ')}`;
  } else if (!isRecord(params)) problem = `an order whose params are ${describeValue(params)}`;
  if (problem) return { ok: false, reason: 'malformed', problem };
  return { ok: true, value: { ...(answer as object), orderId, kind, params } as PreparedOrder };
};

/** `queryOrder`'s answer, if it is a snapshot of `orderId`; nothing means an unknown order. */
export const snapshotReader =
  (orderId: string): AnswerReader<OrderSnapshot> =>
  (answer) => {
    if (answer === undefined || answer === null) {
      return { ok: false, reason: 'unknown_order', problem: 'nothing: the order is unknown' };
    }
    const { state, orderId: answeredId } = fieldsOf(answer);
    let problem = '';
    if (!isRecord(answer)) problem = `${describeValue(answer)} instead of an order snapshot`;
    // Only an order state is its own order state: garbage and platform states are not.
    else if (typeof state !== 'string' || toOrderState(state) !== state) {
      problem = `a snapshot whose state is ${describeValue(state)}, not pending, paid, closed, failed or refunded (map platform states with toOrderState)`;
    } else if (answeredId !== undefined && answeredId !== orderId) {
      problem = `a snapshot of another order, ${describeValue(answeredId)}`;
    }
    if (problem) return { ok: false, reason: 'malformed', problem };
    return { ok: true, value: { ...(answer as object), orderId, state } as OrderSnapshot };
  };

function fieldsOf(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
