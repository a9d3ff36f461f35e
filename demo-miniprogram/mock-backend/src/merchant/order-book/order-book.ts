import type { BackendConfig } from '../../config/options';
import type { OrderState } from '../../domain/order-state';
import { ApiError } from '../../http/api-error';
import type { Journal } from '../../journal/journal';
import {
  journalApplied,
  journalClosed,
  journalCreated,
  journalQueried,
} from '../../journal/order-entries';
import type { LoadedKeys } from '../../keys/load-keys';
import type { SimulatedPlatform } from '../../platform/simulated-platform';
import type { RefundResource, Transaction } from '../../platform/transaction';
import type { OrderWatch } from '../../server-kit';
import type { BackendState, MerchantOrder } from '../../storage/state';
import {
  applyB2bReport,
  applyTransferBill,
  type B2bReport,
  type TransferBillReport,
} from './apply-family-update';
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
  /** Where each event of an order is recorded (the dashboard reads it). */
  readonly journal: Journal;
}

/**
 * The merchant's orders. Every change to an order goes through one of these methods:
 * `create`, `applyTransaction` / `applyRefund` (v3 notifications and query results),
 * `applyVirtualReport` (virtual payment pushes and query results), `applyB2bReport`,
 * `applyTransferBill`, `queryPlatform`, `close`.
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

  async create(input: CreateOrderInput): Promise<PreparedOrder> {
    const prepared = await createOrder(this, input);
    journalCreated(this.deps.journal, this.require(prepared.orderId));
    return prepared;
  }

  /** A Transaction from a notification or a query. */
  async applyTransaction(
    transaction: Transaction,
    origin: 'notify' | 'query',
    notificationId?: string,
  ): Promise<ApplyOutcome> {
    const outcome = await applyTransaction(this, transaction, origin, notificationId);
    return this.journalled(transaction.out_trade_no, origin, outcome);
  }

  /** A REFUND.SUCCESS notification. */
  async applyRefund(refund: RefundResource, notificationId: string): Promise<ApplyOutcome> {
    const outcome = await applyRefund(this, refund, notificationId);
    return this.journalled(refund.out_trade_no, 'notify', outcome);
  }

  /** A delivery/refund push or a `/xpay/query_order` result. */
  async applyVirtualReport(
    report: VirtualPaymentReport,
    origin: 'notify' | 'query',
    notificationId?: string,
  ): Promise<ApplyOutcome> {
    const outcome = await applyVirtualReport(this, report, origin, notificationId);
    return this.journalled(report.outTradeNo, origin, outcome);
  }

  /** A `retail_pay_notify` push or a `/retail/B2b/getorder` result. */
  async applyB2bReport(
    report: B2bReport,
    origin: 'notify' | 'query',
    notificationId?: string,
  ): Promise<ApplyOutcome> {
    const outcome = await applyB2bReport(this, report, origin, notificationId);
    return this.journalled(report.outTradeNo, origin, outcome);
  }

  /** A MCHTRANSFER.BILL.FINISHED notification or a bill query result. */
  async applyTransferBill(
    bill: TransferBillReport,
    origin: 'notify' | 'query',
    notificationId?: string,
  ): Promise<ApplyOutcome> {
    const outcome = await applyTransferBill(this, bill, origin, notificationId);
    return this.journalled(bill.out_bill_no, origin, outcome);
  }

  /** Asks the platform, as a merchant does when a notification is late. */
  async queryPlatform(order: MerchantOrder): Promise<void> {
    const stateBefore = this.stateOf(order);
    await queryPlatform(this, order);
    journalQueried(this.deps.journal, order, stateBefore, this.deps.platform);
  }

  /** Closes an unpaid order at the platform, after one last query. */
  async close(order: MerchantOrder): Promise<OrderStatusView> {
    const view = await closeOrder(this, order);
    journalClosed(this.deps.journal, order);
    return view;
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

  /** A notification's outcome goes to the journal (a query's is journalled as the query). */
  private journalled(orderId: string, origin: 'notify' | 'query', outcome: ApplyOutcome) {
    if (origin === 'query') return outcome;
    return journalApplied(this.deps.journal, orderId, this.find(orderId), outcome);
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
