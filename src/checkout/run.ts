import type { AbortSignalLike } from '../core/abort-signal';
import type { CheckoutSettings } from './config';
import type { CheckoutStage } from './options';

/** One running `pay()`, `confirm()` or resumed order, as its steps see it. */
export interface Run {
  readonly settings: CheckoutSettings;
  /** The library's own signal: it follows the caller's, and every step listens to it. */
  readonly signal: AbortSignalLike;
  /** Reports a stage to `onStage` (each at most once per call), with the order id once known. */
  stage(stage: CheckoutStage, orderId?: string): void;
}
