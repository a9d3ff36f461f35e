import type { MerchantConfig } from '../config/options';
import type { MerchantKeyInput } from '../keys/merchant-keys';
import type { OrderEvents } from '../kit';
import type { Order } from '../orders/order';
import { openFileRecords } from './file-records';
import { openRedisRecords } from './redis-records';

/** Text records by key, as instances share them (in memory, a file, or Redis). */
export interface Records {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Sets `key` unless it is set. */
  add(key: string, value: string): Promise<void>;
  /** Sets `key` to `value` if it still holds `expected`; whether it did. */
  replace(key: string, expected: string, value: string): Promise<boolean>;
  /** What wakes the status requests of every instance that shares the records. */
  readonly events: OrderEvents;
  close(): Promise<void>;
}

/**
 * What the merchant keeps, on records that instances may share: its keys (the first instance's
 * are every instance's), its orders (updated atomically: a change made meanwhile by another
 * instance is read and the update runs again), its users' session keys.
 */
export class Store {
  constructor(private readonly records: Records) {}

  get events(): OrderEvents {
    return this.records.events;
  }

  async keys(create: () => Promise<MerchantKeyInput>): Promise<MerchantKeyInput> {
    if (!(await this.records.get('merchant-keys'))) {
      await this.records.add('merchant-keys', JSON.stringify(await create()));
    }
    return JSON.parse((await this.records.get('merchant-keys')) as string);
  }

  async getOrder(orderId: string): Promise<Order | undefined> {
    const text = await this.records.get(`orders:${orderId}`);
    return text === undefined ? undefined : JSON.parse(text);
  }

  addOrder(order: Order): Promise<void> {
    return this.records.add(`orders:${order.orderId}`, JSON.stringify(order));
  }

  /** Applies `change` (undefined: no change) to the order as stored now; undefined if unknown. */
  async updateOrder(
    orderId: string,
    change: (order: Order) => Order | undefined,
  ): Promise<{ before: Order; after: Order } | undefined> {
    const key = `orders:${orderId}`;
    for (;;) {
      const text = await this.records.get(key);
      if (text === undefined) return undefined;
      const before: Order = JSON.parse(text);
      const after = change(before);
      if (!after) return { before, after: before };
      if (await this.records.replace(key, text, JSON.stringify(after))) return { before, after };
    }
  }

  getSessionKey(openid: string): Promise<string | undefined> {
    return this.records.get(`sessions:${openid}`);
  }

  setSessionKey(openid: string, sessionKey: string): Promise<void> {
    return this.records.set(`sessions:${openid}`, sessionKey);
  }

  close(): Promise<void> {
    return this.records.close();
  }
}

/** In memory, in a data directory, or in Redis, as the config says. */
export async function openStore(config: MerchantConfig): Promise<Store> {
  const { redis, dataDir } = config;
  return new Store(
    await (redis ? openRedisRecords(redis.target, redis.shown) : openFileRecords(dataDir)),
  );
}
