import { Type } from '@sinclair/typebox';

export const VirtualNotifyQuery = Type.Object({
  pay_sig: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});
