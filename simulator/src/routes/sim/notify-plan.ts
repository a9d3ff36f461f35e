import type { NotifyPlan } from '../../notifications/notifier';
import type { Fields } from '../../validation/fields';

/** The longest `notifyDelayMs`: 30 days of the test clock. */
const MAX_DELAY_MS = 30 * 24 * 60 * 60 * 1000;

/** `notifyDelayMs` and `dropNotify` of a sim route's body, defaults filled in. */
export function notifyPlanOf(fields: Fields, defaultDelayMs: number): NotifyPlan {
  const delayMs = fields.has('notifyDelayMs')
    ? fields.requiredInteger('notifyDelayMs', 0, MAX_DELAY_MS)
    : defaultDelayMs;
  return { delayMs, drop: fields.optionalBoolean('dropNotify') ?? false };
}
