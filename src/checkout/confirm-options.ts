import type { ConfirmOptions } from './types';

/**
 * The default confirmation schedule. With a backend that long-polls (holds a pending
 * answer until the state changes, as the mock backend and `httpBackend` do), one request
 * usually answers as soon as the payment notification lands. A backend that answers at once
 * is polled right away, then at 0.5, 1.25 and 2.4 s, and every 1.5 s after. Chosen from
 * `npm run bench` (see the README's "Confirmation speed").
 */
export const DEFAULT_CONFIRM: Readonly<Required<ConfirmOptions>> = {
  /** @default 0 */
  firstDelayMs: 0,
  /** @default 500 */
  intervalMs: 500,
  /** @default 1.5 */
  growth: 1.5,
  /** @default 1500 */
  maxIntervalMs: 1500,
  /** @default 30000 */
  deadlineMs: 30000,
  /** @default 10000 */
  waitMs: 10000,
};
