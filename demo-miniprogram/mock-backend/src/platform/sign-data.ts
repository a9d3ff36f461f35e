import { COIN_PRICE_FEN, findVirtualItem } from '../domain/catalogue';
import type { VirtualMode } from '../storage/state';

/** The fields of a virtual payment signData the platform uses. */
export interface SignDataFields {
  readonly offerId: string;
  readonly buyQuantity: number;
  readonly env: 0 | 1;
  readonly currencyType: string;
  readonly outTradeNo: string;
  readonly attach: string;
  readonly productId: string | undefined;
  readonly goodsPrice: number | undefined;
}

export type SignDataCheck =
  | {
      readonly ok: true;
      readonly fields: SignDataFields;
      readonly unitPrice: number;
      readonly total: number;
    }
  | { readonly ok: false; readonly reason: string };

/** 8-32 of [0-9A-Za-z_-|*@], not starting with `_`. */
const OUT_TRADE_NO = /^(?!_)[0-9A-Za-z_\-|*@]{8,32}$/;
const MAX_QUANTITY = 1_000_000;

/**
 * What the platform checks in signData before it signs anything: JSON object, offerId of this
 * app, a positive buyQuantity (number, or digits as TCMPP's table has it), env 0/1, outTradeNo
 * format, and for short_series_goods a registered productId at its registered goodsPrice.
 */
export function checkSignData(signData: string, mode: VirtualMode, offerId: string): SignDataCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(signData);
  } catch {
    return { ok: false, reason: 'signData is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'signData is not a JSON object' };
  }
  const data = parsed as Record<string, unknown>;
  if (data.offerId !== offerId) return { ok: false, reason: 'offerId does not match this app' };
  const buyQuantity = quantityOf(data.buyQuantity);
  if (buyQuantity === undefined)
    return { ok: false, reason: 'buyQuantity is not a positive integer' };
  const env = data.env ?? 0;
  if (env !== 0 && env !== 1) return { ok: false, reason: 'env must be 0 or 1' };
  if (typeof data.currencyType !== 'string' || !/^[A-Z]{3}$/.test(data.currencyType)) {
    return { ok: false, reason: 'currencyType must be a currency code' };
  }
  if (typeof data.outTradeNo !== 'string' || !OUT_TRADE_NO.test(data.outTradeNo)) {
    return {
      ok: false,
      reason: 'outTradeNo must be 8-32 of [0-9A-Za-z_-|*@], not starting with _',
    };
  }
  if (data.attach !== undefined && typeof data.attach !== 'string') {
    return { ok: false, reason: 'attach must be a string' };
  }
  const fields: SignDataFields = {
    offerId,
    buyQuantity,
    env,
    currencyType: data.currencyType,
    outTradeNo: data.outTradeNo,
    attach: data.attach ?? '',
    productId: typeof data.productId === 'string' ? data.productId : undefined,
    goodsPrice: typeof data.goodsPrice === 'number' ? data.goodsPrice : undefined,
  };
  if (mode === 'short_series_coin') {
    return { ok: true, fields, unitPrice: COIN_PRICE_FEN, total: buyQuantity * COIN_PRICE_FEN };
  }
  const item = fields.productId === undefined ? undefined : findVirtualItem(fields.productId);
  if (!item) return { ok: false, reason: 'productId is not a registered item' };
  if (fields.goodsPrice !== item.price) {
    return { ok: false, reason: 'goodsPrice differs from the registered price' };
  }
  return { ok: true, fields, unitPrice: item.price, total: buyQuantity * item.price };
}

function quantityOf(value: unknown): number | undefined {
  const quantity = typeof value === 'string' && /^[0-9]{1,7}$/.test(value) ? Number(value) : value;
  return typeof quantity === 'number' &&
    Number.isInteger(quantity) &&
    quantity > 0 &&
    quantity <= MAX_QUANTITY
    ? quantity
    : undefined;
}
