import type { BackendConfig } from '../config/options';
import { ApiError } from '../http/api-error';
import type { Journal } from '../journal/journal';
import type { OrderBook } from '../merchant/order-book/order-book';
import { OWED_STATES } from '../platform/notifications/delivery';
import type { Notifier } from '../platform/notifications/notifier';
import { refundAtPlatform } from '../platform/refund-at-platform';
import type { SimulatedPlatform } from '../platform/simulated-platform';
import { notifyPlanOf } from '../schemas/sim';
import type { MerchantOrder } from '../storage/state';
import {
  ACTION_IDS,
  ACTION_NAMES,
  type ActionId,
  type DashboardItem,
  type ItemSource,
} from './item';

export interface OrderItemsDeps {
  readonly orders: OrderBook;
  readonly notifier: Notifier;
  readonly platform: SimulatedPlatform;
  readonly journal: Journal;
  readonly config: Pick<BackendConfig, 'defaultNotifyDelayMs'>;
}

/** The merchant's orders as dashboard rows, and their buttons. */
export class OrderItems implements ItemSource {
  constructor(private readonly deps: OrderItemsDeps) {}

  *items(): Iterable<DashboardItem> {
    for (const order of this.deps.orders.deps.state.orders.values()) yield this.itemOf(order);
  }

  item(id: string): DashboardItem | undefined {
    const order = this.deps.orders.find(id);
    return order ? this.itemOf(order) : undefined;
  }

  async act(id: string, action: ActionId): Promise<DashboardItem> {
    const { orders, notifier, platform, config } = this.deps;
    const order = orders.find(id);
    if (!order) throw new ApiError(404, 'ORDER_NOT_FOUND', `There is no order ${id}.`);
    switch (action) {
      case 'deliver-notification': {
        const record = this.owed(id, OWED_STATES, 'NO_NOTIFICATION_OWED', 'owes no notification');
        if (!notifier.deliverNow(record.id)) throw this.inFlight(id, record.id);
        break;
      }
      case 'drop-notification': {
        const record = this.owed(
          id,
          ['scheduled'],
          'NO_NOTIFICATION_SCHEDULED',
          'has no notification scheduled',
        );
        if (!notifier.dropScheduled(record.id)) throw this.inFlight(id, record.id);
        break;
      }
      case 'replay-notification': {
        const record = this.owed(
          id,
          ['delivered'],
          'NO_NOTIFICATION_DELIVERED',
          'has delivered no notification yet',
        );
        notifier.replay(record.id);
        break;
      }
      case 'refund':
        // A transfer or a B2b order is refused by refundAtPlatform, in its words, in any state.
        if (isRefundable(order) && orders.stateOf(order) !== 'paid') {
          throw new ApiError(
            409,
            'ORDER_NOT_PAID',
            `Order ${id} is ${orders.stateOf(order)}, not paid: there is nothing to refund.`,
          );
        }
        await refundAtPlatform(platform, id, notifyPlanOf({}, config));
        break;
      case 'close':
        await orders.close(order);
        break;
    }
    return this.itemOf(order);
  }

  private itemOf(order: MerchantOrder): DashboardItem {
    const view = this.deps.orders.view(order);
    return {
      id: order.orderId,
      kind: order.kind,
      profile: order.profile,
      product: order.productId,
      amount: order.amount,
      currency: order.currency,
      state: view.state,
      detail: view.tradeState,
      createdAt: order.createdAt,
      actions: this.actionsOf(order, view.state),
      completeHistory: this.deps.journal.entriesOf(order.orderId)[0]?.type === 'created',
    };
  }

  /**
   * The buttons that apply now. A transfer is never refunded (money sent to the user), and
   * its Close cancels the bill while it waits for the user; B2b refunds are not simulated.
   */
  private actionsOf(order: MerchantOrder, state: string): DashboardItem['actions'] {
    const { notifier } = this.deps;
    const { orderId } = order;
    const applies: Record<ActionId, boolean> = {
      'deliver-notification': notifier.latest(orderId, OWED_STATES) !== undefined,
      'drop-notification': notifier.latest(orderId, ['scheduled']) !== undefined,
      'replay-notification': notifier.latest(orderId, ['delivered']) !== undefined,
      refund: isRefundable(order) && state === 'paid',
      close: state === 'pending',
    };
    return ACTION_IDS.filter((id) => applies[id]).map((id) => ({
      id,
      name: id === 'close' && order.kind === 'transfer' ? 'Cancel transfer' : ACTION_NAMES[id],
      path: `/dashboard/orders/${encodeURIComponent(orderId)}/${id}`,
    }));
  }

  private owed(
    orderId: string,
    states: Parameters<Notifier['latest']>[1],
    code: string,
    what: string,
  ) {
    const record = this.deps.notifier.latest(orderId, states);
    if (!record) throw new ApiError(409, code, `Order ${orderId} ${what}.`);
    return record;
  }

  private inFlight(orderId: string, deliveryId: number): ApiError {
    return new ApiError(
      409,
      'NOTIFICATION_IN_FLIGHT',
      `Notification #${deliveryId} of order ${orderId} is being sent right now; try again once the merchant has answered.`,
    );
  }
}

/** Money sent to the user (a transfer) is not refunded, and the mock simulates no B2b refund. */
function isRefundable(order: MerchantOrder): boolean {
  return order.kind !== 'transfer' && order.kind !== 'common';
}
