import type { PaymentEnv } from '../mini-program/config-rules';
import type { VirtualPaymentConfig } from './config';
import type { VirtualMode } from './virtual-order';

/** The fields of a virtual payment signData the platform uses. */
export interface SignDataFields {
  readonly buyQuantity: number;
  readonly env: PaymentEnv;
  readonly currencyType: string;
  readonly outTradeNo: string;
  readonly attach: string;
  readonly productId: string | undefined;
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
 * What the platform checks in signData before it opens the order: the offerId of the app, a
 * positive buyQuantity (a number, or digits as TCMPP's table has it), env 0/1, a currency
 * code, outTradeNo's format, and for short_series_goods a productId at its registered price
 * (any productId at its goodsPrice when the merchant registered no goods).
 */
export function checkSignData(
  data: Record<string, unknown>,
  mode: VirtualMode,
  config: VirtualPaymentConfig,
): SignDataCheck {
  if (data.offerId !== config.offerId) return refused('offerId does not match this app');
  const buyQuantity = quantityOf(data.buyQuantity);
  if (buyQuantity === undefined) return refused('buyQuantity is not a positive integer');
  const env = data.env ?? 0;
  if (env !== 0 && env !== 1) return refused('env must be 0 or 1');
  if (typeof data.currencyType !== 'string' || !/^[A-Z]{3}$/.test(data.currencyType)) {
    return refused('currencyType must be a currency code');
  }
  if (typeof data.outTradeNo !== 'string' || !OUT_TRADE_NO.test(data.outTradeNo)) {
    return refused('outTradeNo must be 8-32 of [0-9A-Za-z_-|*@], not starting with _');
  }
  if (data.attach !== undefined && typeof data.attach !== 'string') {
    return refused('attach must be a string');
  }
  const productId = typeof data.productId === 'string' ? data.productId : undefined;
  const fields: SignDataFields = {
    buyQuantity,
    env,
    currencyType: data.currencyType,
    outTradeNo: data.outTradeNo,
    attach: data.attach ?? '',
    productId,
  };
  const unitPrice =
    mode === 'short_series_coin' ? config.coinPrice : itemPrice(config, productId, data.goodsPrice);
  if (typeof unitPrice === 'string') return refused(unitPrice);
  return { ok: true, fields, unitPrice, total: buyQuantity * unitPrice };
}

/** An item's price in fen, or why signData's productId and goodsPrice are refused. */
function itemPrice(
  config: VirtualPaymentConfig,
  productId: string | undefined,
  goodsPrice: unknown,
): number | string {
  if (productId === undefined || productId === '') return 'productId is missing';
  if (typeof goodsPrice !== 'number' || !Number.isInteger(goodsPrice) || goodsPrice <= 0) {
    return 'goodsPrice must be a positive integer of fen';
  }
  if (config.goods === undefined) return goodsPrice;
  const item = config.goods.find((goods) => goods.productId === productId);
  if (!item) return 'productId is not a registered item';
  return goodsPrice === item.price ? item.price : 'goodsPrice differs from the registered price';
}

function refused(reason: string): SignDataCheck {
  return { ok: false, reason };
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
