import { describeValue, fieldsOf } from '../validation/rules';
import { toOrderState } from './order-state';
import type { OrderSnapshot, PreparedOrder } from './types';

/** Throws what is wrong with `value`, naming its `bad` field (or the value, not an object). */
const malformed = (value: unknown, bad: string) => {
  const fields = fieldsOf(value);
  const what = fields === value ? `${bad}: ${describeValue(fields[bad])}` : describeValue(value);
  throw `a malformed order (${what})`;
};

/** `createOrder`'s answer if it is an order; else throws what is wrong with it. */
export function readOrder(value: unknown): PreparedOrder {
  const { orderId, kind, params } = fieldsOf(value);
  const bad =
    typeof orderId !== 'string' || !orderId
      ? 'orderId'
      : kind !== 'payment' && kind !== 'virtual'
        ? 'kind'
        : params !== fieldsOf(params) && 'params';
  if (bad) malformed(value, bad);
  return value as PreparedOrder;
}

/** `queryOrder`'s answer if it is a snapshot of `orderId`; else throws what is wrong with it. */
export function readSnapshot(value: unknown, orderId: string): OrderSnapshot {
  const snapshot = fieldsOf(value);
  const bad =
    // Only an order state is its own order state: garbage and platform states are not.
    toOrderState(snapshot.state as string) !== snapshot.state
      ? 'state'
      : snapshot.orderId !== undefined && snapshot.orderId !== orderId && 'orderId';
  if (bad) malformed(value, bad);
  return { ...snapshot, orderId } as OrderSnapshot;
}
