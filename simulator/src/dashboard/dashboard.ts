import type { Change, RequestEntry } from '../journal/journal';
import type { DeliveryRecord } from '../notifications/delivery';
import { isPaid, type OrderRecord } from '../payments/order';
import type { RefundRecord } from '../payments/refund';
import type { SimulatorServices } from '../plugins/services';
import type { Activity, CashierEvent } from './activity';
import { genericCollections, genericRecord } from './generic-records';
import { Relations } from './relations';
import {
  type GenericRow,
  type NotificationRow,
  notificationRow,
  type RefundRow,
  type RequestRow,
  type RowAction,
  refundRow,
  requestRow,
  type TransactionRow,
  transactionRow,
} from './views';

/** The buttons of a transaction's row, by the route segment that runs each. */
export const TRANSACTION_ACTIONS = {
  'deliver-notification': 'Deliver notification',
  'drop-notification': 'Drop notification',
  'replay-notification': 'Replay notification',
  refund: 'Refund',
  close: 'Close',
} as const;
export type TransactionAction = keyof typeof TRANSACTION_ACTIONS;

/** Notifications still owed: Deliver sends them now. */
const OWED = new Set<DeliveryRecord['state']>(['scheduled', 'dropped', 'gave-up']);
const OPEN = new Set<OrderRecord['tradeState']>(['NOTPAY', 'USERPAYING', 'PAYERROR']);
/** How many API requests a snapshot carries (the newest). */
const SNAPSHOT_REQUESTS = 300;

export interface ClockView {
  readonly now: number;
  readonly wallNow: number;
  readonly offsetMs: number;
  readonly pendingTasks: number;
}

/** Everything the page shows: records newest first, requests and cashier uses oldest first. */
export interface DashboardSnapshot {
  readonly clock: ClockView;
  readonly transactions: readonly TransactionRow[];
  readonly refunds: readonly RefundRow[];
  readonly notifications: readonly NotificationRow[];
  readonly requests: readonly RequestRow[];
  readonly cashier: readonly CashierEvent[];
  /** Other collections (transfer bills, …), by name. */
  readonly collections: Readonly<Record<string, readonly GenericRow[]>>;
}

/** One row that changed, as the event stream sends it. */
export type DashboardEvent =
  | { readonly type: 'transaction'; readonly row: TransactionRow }
  | { readonly type: 'refund'; readonly row: RefundRow }
  | { readonly type: 'notification'; readonly row: NotificationRow }
  | { readonly type: 'request'; readonly row: RequestRow }
  | { readonly type: 'cashier'; readonly row: CashierEvent }
  | { readonly type: 'record'; readonly row: GenericRow }
  | { readonly type: 'clock'; readonly row: ClockView };

const newestFirst = (a: { createdAt: number }, b: { createdAt: number }) =>
  b.createdAt - a.createdAt;

/** The dashboard's model: the simulator's records as rows, and the rows a change changes. */
export class Dashboard {
  constructor(
    private readonly sim: SimulatorServices,
    readonly activity: Activity,
  ) {}

  snapshot(): DashboardSnapshot {
    const { orders, refunds, notifier, journal, store } = this.sim;
    const relations = new Relations(this.sim);
    return {
      clock: this.clock(),
      transactions: orders
        .list()
        .sort(newestFirst)
        .map((order) => this.transactionRow(order, relations)),
      refunds: refunds
        .list()
        .sort(newestFirst)
        .map((refund) => this.refundRow(refund, relations)),
      notifications: notifier
        .list()
        .sort(newestFirst)
        .map((record) => notificationRow(record, relations.orderKeyOf(record))),
      requests: journal
        .requests(SNAPSHOT_REQUESTS)
        .map((entry) => this.requestRow(entry, relations)),
      cashier: this.activity.cashier(),
      collections: genericCollections(store.state),
    };
  }

  clock(): ClockView {
    const { clock, scheduler } = this.sim;
    return {
      now: clock.now(),
      wallNow: clock.wallNow(),
      offsetMs: clock.offsetMs(),
      pendingTasks: scheduler.pending().length,
    };
  }

  requestRow(entry: RequestEntry, relations = new Relations(this.sim)): RequestRow {
    const subjects = this.activity.subjectsOf(entry.requestId);
    return requestRow(entry, subjects, relations.orderKeyOfRequest(entry, subjects));
  }

  /** An order by its key (`mchid|sub_mchid|out_trade_no`). */
  order(key: string): OrderRecord | undefined {
    return this.sim.store.state.collection<OrderRecord>('orders').get(key);
  }

  transactionRow(order: OrderRecord, relations = new Relations(this.sim)): TransactionRow {
    const notification = relations.latestNotification(order.mchid, order.outTradeNo);
    const refunded = relations.refundedOf(order);
    const actions = this.actionsOf(order, notification, refunded);
    return transactionRow(order, { notification, refunded, actions });
  }

  /** The rows a change of the journal changes. */
  eventsOf(change: Change): DashboardEvent[] {
    const relations = new Relations(this.sim);
    const orderEvent = (key: string | undefined): DashboardEvent[] => {
      const order = key === undefined ? undefined : this.order(key);
      return order ? [{ type: 'transaction', row: this.transactionRow(order, relations) }] : [];
    };
    switch (change.type) {
      case 'order':
        return orderEvent(change.id);
      case 'refund': {
        const refund = this.sim.store.state.collection<RefundRecord>('refunds').get(change.id);
        if (!refund) return [];
        return [
          { type: 'refund', row: this.refundRow(refund, relations) },
          ...orderEvent(refund.orderKey),
        ];
      }
      case 'notification': {
        const record = this.sim.notifier.find(change.id);
        if (!record) return [];
        const orderKey = relations.orderKeyOf(record);
        const refund = relations.refundOf(record);
        return [
          { type: 'notification', row: notificationRow(record, orderKey) },
          ...(refund ? [{ type: 'refund', row: this.refundRow(refund, relations) } as const] : []),
          ...orderEvent(orderKey),
        ];
      }
      case 'clock':
        return [{ type: 'clock', row: this.clock() }];
      case 'merchant':
        return [];
      default: {
        const row = genericRecord(this.sim.store.state, change);
        return row ? [{ type: 'record', row }] : [];
      }
    }
  }

  private refundRow(refund: RefundRecord, relations: Relations): RefundRow {
    return refundRow(refund, relations.latestNotification(refund.mchid, refund.outRefundNo));
  }

  private actionsOf(
    order: OrderRecord,
    notification: DeliveryRecord | undefined,
    refunded: number,
  ): RowAction[] {
    const applies: Record<TransactionAction, boolean> = {
      'deliver-notification': notification !== undefined && OWED.has(notification.state),
      'drop-notification': notification?.state === 'scheduled' && notification.taskId !== undefined,
      'replay-notification': notification?.state === 'delivered',
      refund: isPaid(order) && refunded < order.total,
      close: OPEN.has(order.tradeState),
    };
    return (Object.keys(TRANSACTION_ACTIONS) as TransactionAction[])
      .filter((id) => applies[id])
      .map((id) => ({ id, name: TRANSACTION_ACTIONS[id] }));
  }
}
