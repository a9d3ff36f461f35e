import type { BackendConfig } from '../options';

/** Body fields of the sim routes that make the platform send a notification. */
export interface NotifyPlanFields {
  readonly notifyDelayMs?: number;
  readonly dropNotify?: boolean;
}

/** The JSON-schema properties of {@link NotifyPlanFields}. */
export const notifyPlanProperties = {
  notifyDelayMs: { type: 'integer', minimum: 0, maximum: 600_000 },
  dropNotify: { type: 'boolean' },
} as const;

/** When (and whether) the platform sends the notification, defaults filled in. */
export function notifyPlanOf(
  fields: NotifyPlanFields,
  config: Pick<BackendConfig, 'defaultNotifyDelayMs'>,
) {
  return {
    delayMs: fields.notifyDelayMs ?? config.defaultNotifyDelayMs,
    drop: fields.dropNotify ?? false,
  };
}
