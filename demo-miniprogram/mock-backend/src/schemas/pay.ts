import { Type } from '@sinclair/typebox';

export const VirtualNotifyQuery = Type.Object({
  pay_sig: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});

/** The message push's query: `signature = sha1(sort(Token, timestamp, nonce))`. */
export const MessagePushQuery = Type.Object({
  signature: Type.String({ pattern: '^[0-9a-f]{40}$' }),
  timestamp: Type.String({ pattern: '^[0-9]{1,12}$' }),
  nonce: Type.String({ minLength: 1, maxLength: 64 }),
});
