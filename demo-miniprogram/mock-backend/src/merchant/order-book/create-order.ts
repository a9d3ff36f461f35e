import { findProduct } from '../../domain/catalogue';
import { ApiError } from '../../http/api-error';
import { createCommonOrder, createTransferOrder } from './create-family-order';
import { createPaymentOrder } from './create-payment-order';
import { createVirtualOrder } from './create-virtual-order';
import type { OrderBook } from './order-book';
import type { PreparedOrder } from './prepared-order';

export interface CreateOrderInput {
  readonly productId: string;
  readonly quantity: number;
  readonly openid: string | undefined;
  readonly profile: string | undefined;
}

/**
 * Creates the order (at the platform too, where the platform holds it before the cashier:
 * a prepay_id, a transfer bill) and prepares its parameters for the product's host API.
 */
export async function createOrder(
  book: OrderBook,
  input: CreateOrderInput,
): Promise<PreparedOrder> {
  const product = findProduct(input.productId);
  if (!product) {
    throw new ApiError(404, 'PRODUCT_NOT_FOUND', `no product ${input.productId}`);
  }
  switch (product.kind) {
    case 'goods':
    case 'component-goods':
    case 'plugin-goods':
      return createPaymentOrder(book, product, input);
    case 'coins':
    case 'item':
      return createVirtualOrder(book, product, input);
    case 'b2b-goods':
      return createCommonOrder(book, product, input);
    case 'cash-out':
      return createTransferOrder(book, product, input);
  }
}

/** The user of the order: the one given, else the demo user (given a session on first use). */
export async function userOf(book: OrderBook, input: CreateOrderInput): Promise<string> {
  if (input.openid !== undefined) return input.openid;
  const { platform, config } = book.deps;
  return (await platform.login.ensureSession(config.defaultOpenid)).openid;
}

/** The user's session_key, which signs virtual and B2b parameters; 401 NO_SESSION without one. */
export function sessionKeyOf(book: OrderBook, openid: string): string {
  const sessionKey = book.deps.platform.login.sessionKeyOf(openid);
  if (sessionKey === undefined) {
    throw new ApiError(
      401,
      'NO_SESSION',
      `openid ${openid} has no session_key; log in first (POST /api/login)`,
    );
  }
  return sessionKey;
}

export function pickProfile<P extends string>(
  requested: string | undefined,
  allowed: readonly P[],
  productId: string,
): P {
  const profile = requested ?? allowed[0];
  if (!allowed.includes(profile as P)) {
    throw new ApiError(
      400,
      'PROFILE_NOT_APPLICABLE',
      `profile ${String(requested)} does not apply to ${productId}; use one of ${allowed.join(', ')}`,
    );
  }
  return profile as P;
}
