import type { MerchantConfig } from '../config/options';
import type { MerchantKeys } from '../keys/merchant-keys';
import type { OrderEvents } from '../kit';
import type { Order } from '../orders/order';
import { openFileStore } from './file-store';
import { openRedisStore } from './redis-store';

/** What an order update did: the order before and after (the same when nothing changed). */
export interface Updated {
  readonly before: Order;
  readonly after: Order;
}

/**
 * Where the merchant keeps what instances share: its keys, orders and users' session keys, and
 * the events that wake the status requests of every instance.
 */
export interface Store {
  /** The stored keys, else `create()`'s, stored: the first instance's win. */
  keys(create: () => Promise<Partial<MerchantKeys>>): Promise<Partial<MerchantKeys>>;
  getOrder(orderId: string): Promise<Order | undefined>;
  addOrder(order: Order): Promise<void>;
  /**
   * Applies `change` to the order as stored now, atomically (a change made meanwhile by
   * another instance is read and `change` runs again); `change` answers undefined to leave
   * the order as it is. Undefined for an unknown order.
   */
  updateOrder(
    orderId: string,
    change: (order: Order) => Order | undefined,
  ): Promise<Updated | undefined>;
  getSessionKey(openid: string): Promise<string | undefined>;
  setSessionKey(openid: string, sessionKey: string): Promise<void>;
  readonly events: OrderEvents;
  close(): Promise<void>;
}

/** In memory, in a data directory, or in Redis, as the config says. */
export function openStore(config: MerchantConfig): Promise<Store> {
  if (config.redis) return openRedisStore(config.redis.target, config.redis.shown);
  return openFileStore(config.dataDir);
}
