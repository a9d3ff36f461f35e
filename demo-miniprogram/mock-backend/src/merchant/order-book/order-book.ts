import type { BackendConfig } from '../../config/options';
import type { OrderState } from '../../domain/order-state';
import { ApiError } from '../../http/api-error';
import type { LoadedKeys } from '../../keys/load-keys';
import type { SimulatedPlatform } from '../../platform/simulated-platform';
import type { RefundResource, Transaction } from '../../platform/transaction';
import type { OrderWatch } from '../../server-kit';
import type { BackendState, MerchantOrder } from '../../storage/state';
import { type ApplyOutcome, remember } from './apply-outcome';
import { applyRefund, applyTransaction } from './apply-payment-update';
import { applyVirtualReport, type VirtualPaymentReport } from './apply-virtual-update';
import { closeOrder } from './close-order';
import { type CreateOrderInput, createOrder } from './create-order';
import { type OrderStatusView, viewOf } from './order-view';
import type { PreparedOrder } from './prepared-order';
import { queryPlatform } from './query-platform';
import { stateOf } from './state-rules';

/** What the merchant's orders work with; WeChat is reached only through `platform`. */
export interface OrderBookDeps {
  readonly state: BackendState;
  readonly commit: () => Promise<void>;
  /** Takes in what other instances sharing the data directory wrote. */
  readonly refresh: () => Promise<void>;
  readonly config: BackendConfig;
  readonly keys: LoadedKeys;
  readonly platform: SimulatedPlatform;
  /** Wakes the status requests waiting on an order (here, and on other instances). */
  readonly watch: Pick<OrderWatch, 'changed'>;
}

/**
 * The merchant's orders. Every change to an order goes through one of these methods:
 * `create`, `applyTransaction` / `applyRefund` (v3 notifications and query results),
 * `applyVirtualReport` (virtual payment pushes and query results), `queryPlatform`, `close`.
 */
export class OrderBook {
  constructor(readonly deps: OrderBookDeps) {}

  find(orderId: string): MerchantOrder | undefined {
    return this.deps.state.orders.get(orderId);
  }

  require(orderId: string): MerchantOrder {
    const order = this.find(orderId);
    if (!order) throw new ApiError(404, 'ORDER_NOT_FOUND', `no order ${orderId}`);
    return order;
  }

  stateOf(order: MerchantOrder): OrderState {
    return stateOf(order);
  }

  view(order: MerchantOrder): OrderStatusView {
    return viewOf(order);
  }

  create(input: CreateOrderInput): Promise<PreparedOrder> {
    return createOrder(this, input);
  }

  /** A Transaction from a notification or a query. */
  applyTransaction(
    transaction: Transaction,
    origin: 'notify' | 'query',
    notificationId?: string,
  ): Promise<ApplyOutcome> {
    return applyTransaction(this, transaction, origin, notificationId);
  }

  /** A REFUND.SUCCESS notification. */
  applyRefund(refund: RefundResource, notificationId: string): Promise<ApplyOutcome> {
    return applyRefund(this, refund, notificationId);
  }

  /** A delivery/refund push or a `/xpay/query_order` result. */
  applyVirtualReport(
    report: VirtualPaymentReport,
    origin: 'notify' | 'query',
    notificationId?: string,
  ): Promise<ApplyOutcome> {
    return applyVirtualReport(this, report, origin, notificationId);
  }

  /** Asks the platform, as a merchant does when a notification is late. */
  queryPlatform(order: MerchantOrder): Promise<void> {
    return queryPlatform(this, order);
  }

  /** Closes an unpaid order at the platform, after one last query. */
  close(order: MerchantOrder): Promise<OrderStatusView> {
    return closeOrder(this, order);
  }

  /** Stores a new order durably. */
  async save(order: MerchantOrder): Promise<void> {
    this.deps.state.orders.set(order.orderId, order);
    await this.deps.commit();
  }

  /**
   * The order changed: make it durable, then wake the status requests waiting on it. The watch
   * wakes this instance's at once and publishes to the others without holding up the answer;
   * a failed publish is reported, the change stands.
   */
  async changed(order: MerchantOrder, notificationId: string | undefined): Promise<ApplyOutcome> {
    if (notificationId !== undefined) remember(order, notificationId);
    await this.deps.commit();
    this.deps.watch.changed(order.orderId).catch((error: unknown) => {
      console.error(
        `[mock-backend] the other instances' status requests for ${order.orderId} were not woken: ${(error as Error).message}`,
      );
    });
    return { kind: 'applied' };
  }

  /** The update was valid but changes nothing (e.g. a late success for a closed order). */
  async unchanged(order: MerchantOrder, notificationId: string | undefined): Promise<ApplyOutcome> {
    if (notificationId !== undefined) {
      remember(order, notificationId);
      await this.deps.commit();
    }
    return { kind: 'unchanged' };
  }
}
