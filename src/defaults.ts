import type { ConfirmOptions } from './checkout/options';

/**
 * Every default of the library, in one place. The TSDoc `@default` of each option quotes
 * the value here, and a test checks that the README's tables do too.
 */

/**
 * How long a cashier may stay open without a callback: 5 minutes. A person deciding, entering
 * a password or switching cards takes seconds to a minute or two; a sheet silent for 5
 * minutes has lost its callback. Then a payment call resolves `timeout`, and a checkout
 * confirms with the backend as after an `ok`.
 */
export const DEFAULT_HOST_TIMEOUT_MS = 300_000;

/** Once the app is back in the foreground with the cashier open, wait this long for its callback. */
export const DEFAULT_RESUME_GRACE_MS = 2000;

/**
 * The default confirmation schedule. With a backend that long-polls (holds a pending answer
 * until the state changes, as the demo's merchant server and `miniprogram-pay/server` do), one request
 * usually answers as soon as the payment notification lands. A backend that answers at once
 * is polled right away, then at 0.5, 1.25 and 2.4 s, and every 1.5 s after. Chosen from
 * `npm run bench` (see the README's "Confirmation speed").
 */
export const DEFAULT_CONFIRM: Readonly<Required<ConfirmOptions>> = {
  firstDelayMs: 0,
  intervalMs: 500,
  growth: 1.5,
  maxIntervalMs: 1500,
  deadlineMs: 30_000,
  waitMs: 10_000,
};

/** The storage key of the orders left pending. */
export const DEFAULT_PENDING_KEY = 'miniprogram-pay:pending';

/**
 * How long a pending order is kept for `resumePending()`: 2 hours, the life of a prepay_id.
 * After that no cashier can take the payment any more; the next launch asks one last time.
 */
export const PENDING_LIFETIME_MS = 7_200_000;

/** `httpBackend`: the time limit of one request (a status query gets its `waitMs` on top). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** `httpBackend`: the path of the POST that creates an order. */
export const DEFAULT_CREATE_PATH = '/api/orders';
