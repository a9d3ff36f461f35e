// The demo's shop: products of each kind, each paid by its host API. A merchant has its own.
import type { OrderKind, Profile } from './order';

/** A product of the demo's shop (`GET /api/products`); prices in fen. */
export interface Product {
  readonly id: string;
  readonly kind: keyof typeof PAID_BY;
  /** The host API that opens its order. */
  readonly api: string;
  readonly name: string;
  readonly description: string;
  /** Price of one unit, in fen. */
  readonly price: number;
  readonly currency: 'CNY';
  /** Virtual payment's and B2b's `mode`. */
  readonly mode?: string;
  /** A coin pack's coins. */
  readonly coins?: number;
}

type PaidBy = readonly [api: string, order: OrderKind, profiles: readonly Profile[], mode?: string];
const PAYMENT = ['wechat-v3', 'wechat-v2-md5', 'wechat-v2-hmac', 'psp'] as const;
const VIRTUAL = ['wechat', 'tcmpp'] as const;

/**
 * Each kind of product: the host API that pays it, the kind of its order, the profiles that
 * sign it (the first by default), its `mode`.
 */
const PAID_BY = {
  goods: ['requestPayment', 'payment', PAYMENT],
  coins: ['requestVirtualPayment', 'virtual', VIRTUAL, 'short_series_coin'],
  item: ['requestVirtualPayment', 'virtual', VIRTUAL, 'short_series_goods'],
  'component-goods': ['requestOrderPayment', 'order', PAYMENT],
  'b2b-goods': ['requestCommonPayment', 'common', ['wechat'], 'retail_pay_goods'],
  'plugin-goods': ['requestPluginPayment', 'plugin', ['wechat-v3']],
  'cash-out': ['requestMerchantTransfer', 'transfer', ['wechat']],
} as const satisfies Record<string, PaidBy>;

/** How a kind of product is paid. */
export const paidBy = (kind: Product['kind']): PaidBy => PAID_BY[kind];

/** Fen per coin, as set in the virtual payment console. */
export const COIN_PRICE_FEN = 10;

const ROWS: readonly [string, Product['kind'], string, string, number][] = [
  ['coffee-beans', 'goods', 'Coffee beans, 250 g', 'Single-origin, roasted this week', 6800],
  ['mug', 'goods', 'Enamel mug', 'Holds 350 ml', 3900],
  ['sticker', 'goods', 'Sticker', 'The classic one-fen test purchase', 1],
  ['coins-60', 'coins', '60 coins', 'Top up 60 coins', 600],
  ['coins-300', 'coins', '300 coins', 'Top up 300 coins', 3000],
  ['sword-skin', 'item', 'Golden sword skin', 'Cosmetic only', 1800],
  ['extra-life', 'item', 'Extra life', 'One more try', 600],
  [
    'shop-tote',
    'component-goods',
    'Canvas tote (video-account shop)',
    'Sold through the custom transaction component',
    4500,
  ],
  [
    'b2b-beans-case',
    'b2b-goods',
    'Café supply: beans, case of 12 (B2b)',
    'For shops: B2b payment',
    72000,
  ],
  [
    'plugin-guide',
    'plugin-goods',
    'Brewing guide (plugin)',
    'Sold from a plugin: only a plugin can pay it',
    990,
  ],
  ['cash-out', 'cash-out', 'Cash out ¥1.00', 'Your reward balance, to your WeChat balance', 100],
];

export const CATALOGUE: readonly Product[] = ROWS.map(([id, kind, name, description, price]) => {
  const [api, , , mode] = paidBy(kind);
  return {
    ...{ id, kind, api, name, description, price, currency: 'CNY' as const },
    ...(mode ? { mode } : {}),
    ...(kind === 'coins' ? { coins: price / COIN_PRICE_FEN } : {}),
  };
});

export function findProduct(productId: string): Product | undefined {
  return CATALOGUE.find((product) => product.id === productId);
}
