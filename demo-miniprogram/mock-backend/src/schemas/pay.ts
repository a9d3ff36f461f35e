import { Type } from '@sinclair/typebox';

/** The headers every WeChat Pay v3 notification carries (as node lowercases them). */
export const PayNotifyHeaders = Type.Object({
  'wechatpay-timestamp': Type.String({ pattern: '^[0-9]{1,12}$' }),
  'wechatpay-nonce': Type.String({ minLength: 1, maxLength: 64 }),
  'wechatpay-signature': Type.String({ minLength: 1, maxLength: 1024 }),
  'wechatpay-serial': Type.String({ minLength: 1, maxLength: 64 }),
});

export const VirtualNotifyQuery = Type.Object({
  pay_sig: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});
