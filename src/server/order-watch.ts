import { MAX_TIMER_MS } from '../shared/time';
import { describeThrown } from '../shared/values';
import type { OrderSnapshot } from '../shared/wire-types';
import { invalidArgument, TAG } from './invalid-argument';
import { createMemoryEvents, type OrderEvents } from './order-events';
import { Hold, type HoldContext } from './order-hold';

/** Options of {@link createOrderWatch}. */
export interface OrderWatchOptions {
  /**
   * Reads an order from your store: the order (any object with `orderId` and `state`, your own
   * `interface Order` too; its other fields are kept), or undefined when there is no such
   * order; or a promise of either. `(id) => orders.get(id)` and `(id) => db.orders.find(id)`
   * both fit.
   */
  getOrder(orderId: string): OrderSnapshot | undefined | PromiseLike<OrderSnapshot | undefined>;
  /**
   * How changes reach the waits of every instance: {@link createRedisEvents} for several
   * processes. @default createMemoryEvents() (this watch only)
   */
  readonly events?: OrderEvents;
  /** Longest a wait holds, whatever its `waitMs`. @default 25000 */
  readonly maxWaitMs?: number;
}

/** Long-poll support for the order status route; see {@link createOrderWatch}. */
export interface OrderWatch {
  /**
   * Reads the order and, while it is `pending`, holds the answer until it changes, `waitMs`
   * (at most `maxWaitMs`) passes or `signal` aborts; answers the last read (undefined for an
   * unknown order). Rejects with `getOrder`'s error if that throws or rejects, and with a
   * TypeError for a bad argument (`waitMs` must be a number >= 0).
   */
  wait(
    orderId: string,
    options: { readonly waitMs: number; readonly signal?: AbortSignal },
  ): Promise<OrderSnapshot | undefined>;
  /**
   * The order changed (you updated it): wakes its waits here, and through `events` on every
   * instance, once each. Resolves when published; rejects if `events.publish` fails (the waits
   * of this instance are woken all the same).
   */
  changed(orderId: string): Promise<void>;
}

function requireOrderId(api: string, orderId: unknown): string {
  if (typeof orderId !== 'string' || orderId === '')
    invalidArgument(api, 'orderId', 'a non-empty string', orderId);
  return orderId;
}

/** Checks the options of `wait`; the time to hold, in ms. */
function holdMsOf(
  options: unknown,
  maxWaitMs: number,
): { holdMs: number; signal: AbortSignal | undefined } {
  const api = 'OrderWatch.wait';
  if (typeof options !== 'object' || options === null)
    invalidArgument(api, 'its options', '{ waitMs, signal? }', options);
  const { waitMs, signal } = options as { waitMs?: unknown; signal?: unknown };
  if (typeof waitMs !== 'number' || !(waitMs >= 0))
    invalidArgument(api, 'waitMs', 'a number >= 0', waitMs);
  if (signal !== undefined && typeof (signal as AbortSignal)?.addEventListener !== 'function') {
    invalidArgument(api, 'signal', 'an AbortSignal', signal);
  }
  return { holdMs: Math.min(waitMs, maxWaitMs), signal: signal as AbortSignal | undefined };
}

/**
 * Long-polling for order status requests: `wait` holds a pending order's answer until your
 * code calls `changed(orderId)` (here, or on another instance through `events`), and answers
 * at once when the order is final. Holds leave no listener or timer behind.
 *
 * @example
 * const watch = createOrderWatch({ getOrder: (id) => db.orders.find(id) })
 * // status route: res.json(await watch.wait(orderId, { waitMs: 10000 }))
 * // notification handler, after updating the order: await watch.changed(orderId)
 */
export function createOrderWatch(options: OrderWatchOptions): OrderWatch {
  const api = 'createOrderWatch';
  if (typeof options !== 'object' || options === null)
    invalidArgument(api, 'its options', '{ getOrder }', options);
  const { getOrder, events = createMemoryEvents(), maxWaitMs = 25_000 } = options;
  if (typeof getOrder !== 'function') {
    invalidArgument(
      api,
      'getOrder',
      'a function (orderId) => Promise<OrderSnapshot | undefined>',
      getOrder,
    );
  }
  if (typeof events?.publish !== 'function' || typeof events.subscribe !== 'function') {
    invalidArgument(api, 'events', '{ publish, subscribe }, e.g. createRedisEvents(...)', events);
  }
  if (typeof maxWaitMs !== 'number' || !(maxWaitMs >= 0 && maxWaitMs <= MAX_TIMER_MS)) {
    invalidArgument(
      api,
      'maxWaitMs',
      `a number of milliseconds from 0 to ${MAX_TIMER_MS}`,
      maxWaitMs,
    );
  }
  const read = (orderId: string) => getOrder.call(options, orderId);
  /** This watch's holds by order. */
  const holds = new Map<string, Set<Hold>>();
  /** While `changed(orderId)` publishes: the holds that `events` woke during it. */
  const wokenByEvents = new Map<string, Set<Hold>>();

  const subscribe = (orderId: string, self: Hold): (() => void) => {
    const local = holds.get(orderId) ?? new Set<Hold>();
    holds.set(orderId, local);
    local.add(self);
    const unsubscribeEvents = events.subscribe(orderId, () => {
      wokenByEvents.get(orderId)?.add(self);
      self.wake();
    });
    return () => {
      unsubscribeEvents();
      local.delete(self);
      if (local.size === 0 && holds.get(orderId) === local) holds.delete(orderId);
    };
  };

  const context: HoldContext = { getOrder: read, subscribe };

  return {
    async wait(orderId, waitOptions) {
      requireOrderId('OrderWatch.wait', orderId);
      const { holdMs, signal } = holdMsOf(waitOptions, maxWaitMs);
      if (holdMs === 0) return read(orderId);
      return new Hold(context, orderId, holdMs, signal).answer;
    },

    async changed(orderId) {
      requireOrderId('OrderWatch.changed', orderId);
      const woken = new Set<Hold>();
      const outer = wokenByEvents.get(orderId);
      wokenByEvents.set(orderId, woken);
      let published: Promise<void>;
      try {
        published = Promise.resolve(events.publish(orderId));
      } catch (error) {
        published = Promise.reject(error);
      } finally {
        if (outer) wokenByEvents.set(orderId, outer);
        else wokenByEvents.delete(orderId);
      }
      // Events that deliver here during publish woke their holds; wake the others once.
      for (const self of [...(holds.get(orderId) ?? [])]) if (!woken.has(self)) self.wake();
      try {
        await published;
      } catch (error) {
        throw new Error(
          `${TAG} OrderWatch.changed(${JSON.stringify(orderId)}): events.publish failed: ${describeThrown(error)}`,
          { cause: error },
        );
      }
    },
  };
}
