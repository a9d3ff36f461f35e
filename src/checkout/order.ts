import { describeValue, fieldsOf, isRecord } from '../validation/rules';
import type { OrderSnapshot, OrderState, PreparedOrder } from './types';

const STATES: readonly string[] = ['pending', 'paid', 'closed', 'failed', 'refunded'];

/** What is wrong with `value`: `field: value`, or the value itself when not an object. */
const problem = (value: unknown, field: string) =>
  isRecord(value) ? `${field}: ${describeValue(value[field])}` : describeValue(value);

/** `createOrder`'s answer if it is an order; else what is wrong with it. */
export function readOrder(value: unknown): PreparedOrder | string {
  const { orderId, kind, params } = fieldsOf(value);
  const bad =
    typeof orderId !== 'string' || !orderId
      ? 'orderId'
      : kind !== 'payment' && kind !== 'virtual'
        ? 'kind'
        : !isRecord(params) && 'params';
  return bad ? `a malformed order (${problem(value, bad)})` : (value as PreparedOrder);
}

/** `queryOrder`'s answer if it is a snapshot of `orderId`; else what is wrong with it. */
export function readSnapshot(value: unknown, orderId: string): OrderSnapshot | string {
  const snapshot = fieldsOf(value);
  return STATES.indexOf(snapshot.state as string) < 0
    ? `no order state (${problem(value, 'state')})`
    : snapshot.orderId !== undefined && snapshot.orderId !== orderId
      ? `another order (${problem(value, 'orderId')})`
      : { ...snapshot, orderId, state: snapshot.state as OrderState };
}
