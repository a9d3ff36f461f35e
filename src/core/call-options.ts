import type { AbortSignalLike } from './abort-signal';
import type { PaymentHost } from './host';

/** Options of one `requestPayment` / `requestVirtualPayment` call. */
export interface CallOptions {
  /**
   * The host to call: a superapp's `wx`, or a test fake.
   * @default the global `wx`
   */
  host?: PaymentHost;
  /**
   * Stop waiting for the host's callback after this many milliseconds and resolve
   * `{ status: 'failed', code: 'timeout' }`. The cashier may still be open: confirm the order.
   * @default no limit
   */
  timeoutMs?: number;
  /** Abort waiting: resolves `{ status: 'failed', code: 'aborted' }`. @default none */
  signal?: AbortSignalLike;
}
