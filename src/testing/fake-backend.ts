import type { PaymentBackend } from '../checkout/types';
import { onAbort } from '../core/abort-signal';
import { isRecord } from '../shared/values';
import type { OrderSnapshot, OrderState, PreparedOrder } from '../shared/wire-types';
import { invalid } from './check-options';
import { checkBackendOptions } from './fake-options';
import {
  after,
  defaultOrder,
  type FakeAnswer,
  ORDER_STATES,
  play,
  STOPPED,
} from './scripted-answer';

/** Options of {@link createFakeBackend}. */
export interface FakeBackendOptions {
  /** The state an order reaches once its pending time is over. @default 'paid' */
  state?: OrderState;
  /** Each order answers `pending` to this many queries first. @default 0 */
  pendingQueries?: number;
  /**
   * Each order stays `pending` this long after `createOrder` (or after its first query, for
   * an order this backend did not create). Measured with `Date.now()`: fake timers drive it.
   * @default 0
   */
  pendingMs?: number;
  /**
   * Answers that replace the timeline's, by query number of the order (0-based); holes and
   * `undefined` follow the timeline.
   * @default []
   * @example script: [{ reject: new Error('502') }, { resolve: 'garbage' }, 'hang']
   */
  script?: Array<FakeAnswer | undefined>;
  /** Every answer of `queryOrder` (errors and garbage included) takes this long. @default 0 */
  latencyMs?: number;
  /**
   * Long-poll like the server kit's status route: a pending answer is held up to the query's `waitMs`,
   * and given as soon as the state changes.
   * @default true
   */
  longPoll?: boolean;
  /**
   * What `createOrder` does: resolve this order, call this function with the input and the
   * call's number (its return is resolved as is), or a scripted {@link FakeAnswer}.
   * @default a valid `payment` order with orderId `fake-order-1`, `fake-order-2`, ...
   */
  order?: PreparedOrder | FakeAnswer | ((input: unknown, index: number) => unknown);
  /** `createOrder` takes this long. @default 0 */
  createLatencyMs?: number;
}

/** One `queryOrder` call as the fake backend received it. */
export interface FakeQuery {
  orderId: string;
  waitMs: number;
  /** `Date.now()` when it arrived. */
  at: number;
  /** The state it resolved, once it resolved one. */
  answered?: OrderState;
}

/** A scripted {@link PaymentBackend} that records every call. */
export interface FakeBackend extends PaymentBackend {
  /** Every `queryOrder` call, in order. */
  readonly queries: FakeQuery[];
  /** The input of every `createOrder` call, in order. */
  readonly created: unknown[];
  /**
   * Sets an order's state from now on (all orders when `orderId` is left out), as a payment
   * notification would; held long-polls answer at once.
   */
  setState(state: OrderState, orderId?: string): void;
}

/**
 * Creates a fake backend for tests: orders are pending for `pendingQueries` queries or
 * `pendingMs`, then reach `state`; `script` injects errors, garbage and hangs. Timers use
 * the global `setTimeout`, so jest fake timers drive it.
 *
 * @example
 * const backend = createFakeBackend({ pendingMs: 1200, script: [{ reject: new Error('502') }] })
 * const checkout = createCheckout({ backend, host: createFakeHost() })
 */
export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  checkBackendOptions(options);
  const { pendingQueries = 0, pendingMs = 0, latencyMs = 0, longPoll = true } = options;
  const queries: FakeQuery[] = [];
  const created: unknown[] = [];
  const since: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const forced: Record<string, OrderState> = {};
  let forcedAll: OrderState | undefined;
  const wakers: Array<() => void> = [];

  const stateOf = (orderId: string, index: number): OrderState => {
    const set = forced[orderId] ?? forcedAll;
    if (set) return set;
    const pendingFor = (since[orderId] as number) + pendingMs - Date.now();
    return index < pendingQueries || pendingFor > 0 ? 'pending' : (options.state ?? 'paid');
  };

  return {
    queries,
    created,
    setState(state, orderId) {
      const api = 'FakeBackend.setState';
      if (ORDER_STATES.indexOf(state) < 0) invalid(api, 'state', ORDER_STATES.join(', '), state);
      if (orderId !== undefined && (typeof orderId !== 'string' || !orderId)) {
        invalid(api, 'orderId', 'a non-empty string, or left out', orderId);
      }
      if (orderId === undefined) forcedAll = state;
      else forced[orderId] = state;
      for (const wake of wakers.splice(0)) wake();
    },
    createOrder(input, { signal }) {
      const index = created.push(input) - 1;
      const order = options.order ?? defaultOrder;
      const step =
        typeof order === 'function' ? { resolve: order(input, index) } : (order as FakeAnswer);
      return play(step, options.createLatencyMs ?? 0, signal, (answered) => {
        if (isRecord(answered) && typeof answered.orderId === 'string') {
          since[answered.orderId] = Date.now();
        }
      }) as Promise<PreparedOrder>;
    },
    queryOrder(orderId, { waitMs, signal }) {
      const record: FakeQuery = { orderId, waitMs, at: Date.now() };
      queries.push(record);
      since[orderId] ??= record.at;
      const index = counts[orderId] ?? 0;
      counts[orderId] = index + 1;
      const scripted = options.script?.[index];
      if (scripted !== undefined) {
        const step =
          typeof scripted === 'string' && scripted !== 'hang' ? { state: scripted } : scripted;
        return play(
          isRecord(step) && 'state' in step ? { resolve: { orderId, ...step } } : step,
          latencyMs,
          signal,
          (value) => {
            const answer = isRecord(value) ? value : {};
            if (answer.orderId === undefined || answer.orderId === orderId) {
              record.answered = answer.state as OrderState;
            }
          },
        ) as Promise<OrderSnapshot | undefined>;
      }
      // Follow the timeline, holding a pending answer up to waitMs when long-polling.
      return new Promise<OrderSnapshot>((resolve, reject) => {
        const holdUntil = record.at + latencyMs + (longPoll ? waitMs : 0);
        let timer: unknown;
        let finished = false;
        const done = (run: () => void) => {
          finished = true;
          clearTimeout(timer);
          if (wakers.indexOf(check) >= 0) wakers.splice(wakers.indexOf(check), 1);
          stop();
          run();
        };
        function check() {
          if (finished) return;
          clearTimeout(timer);
          const state = stateOf(orderId, index);
          const left = holdUntil - Date.now();
          if (state !== 'pending' || left <= 0) {
            return done(() => {
              record.answered = state;
              resolve({ orderId, state });
            });
          }
          const change = (since[orderId] as number) + pendingMs - Date.now();
          const wake = index >= pendingQueries && change > 0 ? Math.min(left, change) : left;
          timer = setTimeout(check, wake);
          if (wakers.indexOf(check) < 0) wakers.push(check);
        }
        const stop = onAbort(signal, () => done(() => reject(new Error(STOPPED))));
        if (signal?.aborted) return done(() => reject(new Error(STOPPED)));
        timer = after(latencyMs, check);
      });
    },
  };
}
