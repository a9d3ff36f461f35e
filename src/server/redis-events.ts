import { describeThrown } from '../shared/values';
import { invalidArgument, TAG } from './invalid-argument';
import { ListenerTable, type OrderEvents } from './order-events';

/** A listener of a Redis channel: the message, then the channel. */
export type RedisMessageListener = (message: string, channel: string) => unknown;

/**
 * The part of a Redis client the events use; clients of the `redis` package (node-redis v4
 * and later) fit as they are.
 */
export interface RedisLike {
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string, listener: RedisMessageListener): Promise<unknown>;
  unsubscribe(channel: string, listener?: RedisMessageListener): Promise<unknown>;
}

/** Options of {@link createRedisEvents}. */
export interface RedisEventsOptions {
  /** A connected client that publishes (any client of your app). */
  readonly publisher: RedisLike;
  /** A connected client for this process's one subscription, e.g. `publisher.duplicate()`. */
  readonly subscriber: RedisLike;
  /** The channel of every order change; the message is the order id. @default 'miniprogram-pay:orders' */
  readonly channel?: string;
  /** Called when subscribing, or a listener, fails. @default logs with console.error */
  readonly onError?: (error: unknown) => void;
}

/** Order events over Redis pub/sub; `close()` ends this process's subscription. */
export interface RedisOrderEvents extends OrderEvents {
  close(): Promise<void>;
}

/**
 * Order events for several instances over Redis: one channel for every order (message: the
 * order id) and ONE subscription per process, made at the first listener and kept until
 * `close()`; messages fan out in memory to the listeners of their order. `publish` calls this
 * process's listeners at once and drops their echo from Redis, so each hears a change once.
 * Listeners added while the subscription is being made are called once it is made (a change
 * published before it could be missed: they read the order again).
 *
 * @example
 * const publisher = await createClient({ url }).connect()
 * const subscriber = await publisher.duplicate().connect()
 * const watch = createOrderWatch({ getOrder, events: createRedisEvents({ publisher, subscriber }) })
 */
export function createRedisEvents(options: RedisEventsOptions): RedisOrderEvents {
  const api = 'createRedisEvents';
  if (typeof options !== 'object' || options === null)
    invalidArgument(api, 'its options', '{ publisher, subscriber }', options);
  const { publisher, subscriber, channel = 'miniprogram-pay:orders' } = options;
  const onError =
    options.onError ?? ((error) => console.error(`${TAG} createRedisEvents (${channel}):`, error));
  if (typeof publisher?.publish !== 'function')
    invalidArgument(api, 'publisher', 'a connected Redis client', publisher);
  if (typeof subscriber?.subscribe !== 'function' || typeof subscriber.unsubscribe !== 'function') {
    invalidArgument(
      api,
      'subscriber',
      'a connected Redis client of its own (publisher.duplicate())',
      subscriber,
    );
  }
  if (typeof channel !== 'string' || channel === '')
    invalidArgument(api, 'channel', 'a non-empty string', channel);
  if (typeof onError !== 'function') invalidArgument(api, 'onError', 'a function', onError);

  const listeners = new ListenerTable();
  /** Our own publishes whose echo from Redis is still to come, by order. */
  const echoes = new Map<string, number>();
  /** Listeners added before the subscription was made: each is called once when it is. */
  const early = new Set<() => void>();
  let subscription: Promise<void> | undefined;
  let subscribed = false;

  const report = (error: unknown): void => {
    try {
      onError(error);
    } catch {}
  };
  const callEarly = (): void => {
    const calls = [...early];
    early.clear();
    for (const call of calls) {
      try {
        call();
      } catch (error) {
        report(error);
      }
    }
  };
  const onMessage: RedisMessageListener = (message) => {
    const orderId = String(message);
    const pending = echoes.get(orderId);
    if (pending) {
      if (pending > 1) echoes.set(orderId, pending - 1);
      else echoes.delete(orderId);
      return;
    }
    try {
      listeners.call(orderId);
    } catch (error) {
      report(error);
    }
  };
  const subscribeOnce = (): void => {
    if (subscription) return;
    const made: Promise<void> = new Promise<unknown>((settle) =>
      settle(subscriber.subscribe(channel, onMessage)),
    ).then(
      () => {
        if (subscription === made) subscribed = true;
        callEarly();
      },
      (error) => {
        if (subscription === made) subscription = undefined;
        callEarly();
        report(
          new Error(`${TAG} could not subscribe to ${channel}: ${describeThrown(error)}`, {
            cause: error,
          }),
        );
      },
    );
    subscription = made;
  };

  return {
    subscribe(orderId, listener) {
      const remove = listeners.add(orderId, listener);
      const call = () => listener();
      if (!subscribed) {
        early.add(call);
        subscribeOnce();
      }
      return () => {
        remove();
        early.delete(call);
        if (!listeners.has(orderId)) echoes.delete(orderId);
      };
    },

    async publish(orderId) {
      const expectEcho = subscribed && listeners.has(orderId);
      if (expectEcho) echoes.set(orderId, (echoes.get(orderId) ?? 0) + 1);
      let localError: unknown;
      try {
        listeners.call(orderId);
      } catch (error) {
        localError = error ?? new Error('a listener threw');
      }
      try {
        await publisher.publish(channel, orderId);
      } catch (error) {
        const pending = echoes.get(orderId) ?? 0;
        if (expectEcho && pending > 1) echoes.set(orderId, pending - 1);
        else if (expectEcho) echoes.delete(orderId);
        throw error;
      }
      if (localError) throw localError;
    },

    async close() {
      const made = subscription;
      subscription = undefined;
      subscribed = false;
      echoes.clear();
      if (made) {
        await made;
        await subscriber.unsubscribe(channel, onMessage);
      }
    },
  };
}
