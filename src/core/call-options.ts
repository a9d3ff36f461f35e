import type { AbortSignalLike } from './abort-signal';
import type { PaymentHost } from './host';

/** Options of one payment call (`requestPayment`, `requestVirtualPayment`, ...). */
export interface CallOptions {
  /**
   * The host to call: a superapp's `wx`, or a test fake.
   * @default the global `wx`
   */
  host?: PaymentHost;
  /**
   * Stop waiting for the host's callback after this many milliseconds and resolve
   * `{ status: 'failed', code: 'timeout' }`; the host is free again then. The cashier may
   * still be open: confirm the order. At most 2147483647 (what `setTimeout` holds).
   * @default 300000 (5 minutes)
   */
  timeoutMs?: number;
  /**
   * Abort waiting: resolves `{ status: 'failed', code: 'aborted' }` at once. The host stays
   * taken until its sheet answers or `timeoutMs` passes: the sheet is still on screen.
   * @default none
   */
  signal?: AbortSignalLike;
}
