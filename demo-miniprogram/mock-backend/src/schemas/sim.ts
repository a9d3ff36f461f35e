import { type Static, Type } from '@sinclair/typebox';
import type { BackendConfig } from '../config/options';
import { CASHIER_ACTIONS, CASHIER_APIS } from '../platform/cashier';
import type { NotifyPlan } from '../platform/platform-context';
import { StringEnum } from './string-enum';

/** The body fields of the sim routes that make the platform send a notification. */
const notifyPlanFields = {
  notifyDelayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
  dropNotify: Type.Optional(Type.Boolean()),
};

const NotifyPlanFields = Type.Object(notifyPlanFields);

/** When (and whether) the platform sends the notification, defaults filled in. */
export function notifyPlanOf(
  fields: Static<typeof NotifyPlanFields>,
  config: Pick<BackendConfig, 'defaultNotifyDelayMs'>,
): NotifyPlan {
  return {
    delayMs: fields.notifyDelayMs ?? config.defaultNotifyDelayMs,
    drop: fields.dropNotify ?? false,
  };
}

export const CashierBody = Type.Object(
  {
    api: StringEnum(CASHIER_APIS),
    params: Type.Record(Type.String(), Type.Unknown()),
    openid: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    action: StringEnum(CASHIER_ACTIONS),
    ...notifyPlanFields,
  },
  { additionalProperties: false },
);

export const RefundBody = Type.Object(
  { orderId: Type.String({ minLength: 1, maxLength: 64 }), ...notifyPlanFields },
  { additionalProperties: false },
);

export const MerchantFaultsBody = Type.Object(
  {
    failPayNotifies: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    failVirtualNotifies: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export const DeliveriesQuery = Type.Object({
  orderId: Type.Optional(Type.String({ maxLength: 64 })),
});
