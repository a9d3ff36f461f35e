import { Type } from '@sinclair/typebox';
import { PAYMENT_PROFILES, VIRTUAL_PROFILES } from '../merchant/order-book/prepared-order';
import { StringEnum } from './string-enum';

export const LoginBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 128 }) });

export const CreateOrderBody = Type.Object({
  productId: Type.String({ minLength: 1, maxLength: 64 }),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
  openid: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  profile: Type.Optional(StringEnum([...PAYMENT_PROFILES, ...VIRTUAL_PROFILES])),
});

export const OrderIdParams = Type.Object({
  orderId: Type.String({ minLength: 1, maxLength: 64 }),
});

/** Digits only: `1e3`, `-1` or `0x10` are refused, not coerced. */
export const StatusQuery = Type.Object({
  waitMs: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$' })),
});
