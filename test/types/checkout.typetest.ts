// Compiled by `tsc -p tsconfig.types.json` (part of `npm run typecheck`), never run.
import { expectTypeOf } from 'expect-type';
import {
  type CheckoutResult,
  createCheckout,
  type HttpBackendError,
  httpBackend,
  isHttpBackendError,
  type OrderSnapshot,
  type OrderState,
  type PaymentBackend,
  type PreparedOrder,
} from '../../src/index';

/** The merchant's own order, an interface with more than an OrderSnapshot has. */
interface Order {
  orderId: string;
  state: OrderState;
  amount: number;
}
declare const order: Order;
declare const prepared: PreparedOrder;

// A backend of your own answers your own orders, literals with extra fields too.
const literal: PaymentBackend = {
  createOrder: async () => prepared,
  queryOrder: async (orderId) => ({ orderId, state: 'paid', amount: 6800 }),
};
const fromStore: PaymentBackend = {
  createOrder: async () => prepared,
  queryOrder: async () => order,
};
createCheckout({ backend: literal });
createCheckout({ backend: fromStore });
httpBackend({ baseUrl: 'https://shop.example', toSnapshot: (): Order => order });

// An interface is an OrderSnapshot, and a result carries one.
export const snapshot: OrderSnapshot = order;
export const paid: CheckoutResult = { status: 'paid', orderId: order.orderId, order: snapshot };
// @ts-expect-error a snapshot has a state
export const noState: OrderSnapshot = { orderId: 'o' };
// @ts-expect-error a state is one of the five
export const badState: OrderSnapshot = { orderId: 'o', state: 'SUCCESS' };

// An HttpBackendError is told by isHttpBackendError, and says what it knows as properties.
declare const caught: unknown;
if (isHttpBackendError(caught)) {
  expectTypeOf(caught).toEqualTypeOf<HttpBackendError>();
  expectTypeOf(caught.method).toEqualTypeOf<'GET' | 'POST'>();
  expectTypeOf(caught.url).toBeString();
  expectTypeOf(caught.status).toEqualTypeOf<number | undefined>();
  expectTypeOf(caught.body).toBeUnknown();
  expectTypeOf(caught.cause).toBeUnknown();
  // @ts-expect-error its details are read, not written
  caught.status = 500;
}
