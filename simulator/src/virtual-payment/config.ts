import type { Merchant } from '../merchants/merchant';
import type { MerchantRegistry } from '../merchants/registry';
import {
  type AppKeys,
  MESSAGE_PUSH_TOKEN,
  PUSH_URL,
  readAppKeys,
} from '../mini-program/config-rules';
import { Fields, type StringRule } from '../validation/fields';

/** An item registered for sale (道具), at its price. */
export interface VirtualGoods {
  readonly productId: string;
  /** Fen. */
  readonly price: number;
}

/** `virtualPayment` of `POST /sim/merchants`: the mini program's virtual payment settings. */
export interface VirtualPaymentConfig {
  /** The payment application id (`offerId` in signData). */
  readonly offerId: string;
  readonly appKeys: AppKeys;
  /** Where delivery and refund pushes go; none are sent without it. */
  readonly notifyUrl: string | undefined;
  /** When given, pushes also carry the message push signature made with it. */
  readonly messagePushToken: string | undefined;
  /** The items for sale; when absent, any productId sells at the goodsPrice signData states. */
  readonly goods: readonly VirtualGoods[] | undefined;
  /** Fen per coin (代币) of a short_series_coin top-up. @default 10 */
  readonly coinPrice: number;
}

const OFFER_ID: StringRule = {
  maxBytes: 32,
  pattern: { test: /^[0-9A-Za-z_-]+$/, says: 'an offerId of [0-9A-Za-z_-]' },
};
const PRODUCT_ID: StringRule = {
  maxBytes: 64,
  pattern: { test: /^[0-9A-Za-z_-]+$/, says: 'a productId of [0-9A-Za-z_-]' },
};
const DEFAULT_COIN_PRICE = 10;
const MAX_PRICE = 100_000_000;

/** Reads `virtualPayment`, refusing with 400 PARAM_ERROR naming the first wrong field. */
export function readVirtualPaymentConfig(value: unknown): VirtualPaymentConfig {
  const fields = Fields.of(value, 'virtualPayment');
  fields.onlyKnown(['offerId', 'appKeys', 'notifyUrl', 'messagePushToken', 'goods', 'coinPrice']);
  return {
    offerId: fields.requiredString('offerId', OFFER_ID),
    appKeys: readAppKeys(fields),
    notifyUrl: fields.optionalString('notifyUrl', PUSH_URL),
    messagePushToken: fields.optionalString('messagePushToken', MESSAGE_PUSH_TOKEN),
    goods: goodsOf(fields),
    coinPrice: fields.has('coinPrice')
      ? fields.requiredInteger('coinPrice', 1, MAX_PRICE)
      : DEFAULT_COIN_PRICE,
  };
}

function goodsOf(fields: Fields): VirtualGoods[] | undefined {
  const value = fields.raw('goods');
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 1000) {
    throw fields.error(
      'goods',
      'virtualPayment.goods must be an array of at most 1000 { productId, price } (price in fen).',
    );
  }
  return value.map((item: unknown, index) => {
    const goods = Fields.of(item, `virtualPayment.goods[${index}]`);
    goods.onlyKnown(['productId', 'price']);
    return {
      productId: goods.requiredString('productId', PRODUCT_ID),
      price: goods.requiredInteger('price', 1, MAX_PRICE),
    };
  });
}

const parsed = new WeakMap<object, VirtualPaymentConfig | null>();

/** The merchant's virtual payment settings; undefined when it registered none. */
export function virtualPaymentOf(merchant: Merchant): VirtualPaymentConfig | undefined {
  const { record } = merchant;
  let config = parsed.get(record);
  if (config === undefined) {
    config = readStored(record.extensions.virtualPayment);
    parsed.set(record, config);
  }
  return config ?? undefined;
}

/** A stored object was checked at registration; a damaged snapshot reads as none. */
function readStored(value: unknown): VirtualPaymentConfig | null {
  if (value === undefined) return null;
  try {
    return readVirtualPaymentConfig(value);
  } catch {
    return null;
  }
}

/** The merchant whose virtual payment has this offerId (the latest registered, if several). */
export function merchantOfOffer(
  merchants: MerchantRegistry,
  offerId: unknown,
): { merchant: Merchant; config: VirtualPaymentConfig } | undefined {
  let found: { merchant: Merchant; config: VirtualPaymentConfig } | undefined;
  for (const merchant of merchants.list()) {
    const config = virtualPaymentOf(merchant);
    if (!config || config.offerId !== offerId) continue;
    if (!found || merchant.record.updatedAt > found.merchant.record.updatedAt) {
      found = { merchant, config };
    }
  }
  return found;
}
