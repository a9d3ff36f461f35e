import type { FastifyInstance } from 'fastify';
import type { Cashier } from '../cashier/cashier';
import type { Scheduler } from '../clock/scheduler';
import type { TestClock } from '../clock/test-clock';
import type { SimulatorConfig } from '../config/options';
import type { Journal, Verdict } from '../journal/journal';
import type { Merchant } from '../merchants/merchant';
import type { MerchantRegistry } from '../merchants/registry';
import type { Notifier } from '../notifications/notifier';
import type { OrderBook } from '../payments/order-book';
import type { RefundBook } from '../payments/refund-book';
import type { Store } from '../store/store';

/**
 * The simulator's services, under one decoration (`fastify.sim`) so that it can share a
 * fastify instance with another app (a merchant server) without a name clash. A later part
 * adds its service by merging into this interface and calling {@link provide}.
 */
export interface SimulatorServices {
  readonly config: SimulatorConfig;
  /** The state and its snapshot. */
  readonly store: Store;
  readonly clock: TestClock;
  /** Tasks due on the test clock; each service registers its kinds with `handle`. */
  readonly scheduler: Scheduler;
  /** The newest API requests and their verdicts; a feed of changes. */
  readonly journal: Journal;
  readonly merchants: MerchantRegistry;
  /** Notifications owed to merchants, their attempts and retries. */
  readonly notifier: Notifier;
  readonly orders: OrderBook;
  readonly refunds: RefundBook;
  /** The host's cashier: a handler per host API (`requestPayment`, …). */
  readonly cashier: Cashier;
}

/** What the simulator knows of one request. */
export interface RequestFacts {
  /** The merchant whose signature the request carries (set by the API's verification). */
  merchant: Merchant | null;
  /** Whether the request's signature was verified, and why not. */
  verdict: Verdict;
  /** The code of the refusal answered, if any. */
  errorCode: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The WeChat Pay simulator's services. */
    readonly sim: SimulatorServices;
  }
  interface FastifyRequest {
    /** What the WeChat Pay simulator knows of this request. */
    sim: RequestFacts;
  }
}

/** Adds a service to `fastify.sim` (its plugin runs after those it depends on). */
export function provide<K extends keyof SimulatorServices>(
  fastify: FastifyInstance,
  name: K,
  service: SimulatorServices[K],
): void {
  if (!fastify.hasDecorator('sim')) fastify.decorate('sim', {} as SimulatorServices);
  (fastify.sim as Record<K, SimulatorServices[K]>)[name] = service;
}
