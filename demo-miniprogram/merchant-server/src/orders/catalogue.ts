// The demo's shop: one product or more of each kind, each with the host API that pays it.
// A merchant has its own catalogue; this one is the demo's.

/** Price of one virtual coin in fen, as set in the virtual payment console. */
export const COIN_PRICE_FEN = 10;

/** A product of the demo's shop (`GET /api/products`); prices in fen. */
export interface Product {
  readonly id: string;
  readonly kind:
    | 'goods'
    | 'coins'
    | 'item'
    | 'component-goods'
    | 'b2b-goods'
    | 'plugin-goods'
    | 'cash-out';
  /** The host API that opens its order. */
  readonly api: string;
  readonly name: string;
  readonly description: string;
  /** Price of one unit, in fen. */
  readonly price: number;
  readonly currency: 'CNY';
  /** Virtual payment's and B2b's `mode`. */
  readonly mode?: 'short_series_coin' | 'short_series_goods' | 'retail_pay_goods';
  /** A coin pack's coins. */
  readonly coins?: number;
}

const product = (
  id: string,
  kind: Product['kind'],
  api: string,
  name: string,
  description: string,
  price: number,
  extra: Pick<Product, 'mode' | 'coins'> = {},
): Product => ({ id, kind, api, name, description, price, currency: 'CNY', ...extra });

const coinPack = (id: string, coins: number): Product =>
  product(
    id,
    'coins',
    'requestVirtualPayment',
    `${coins} coins`,
    `Top up ${coins} coins`,
    coins * COIN_PRICE_FEN,
    {
      mode: 'short_series_coin',
      coins,
    },
  );

export const CATALOGUE: readonly Product[] = [
  product(
    'coffee-beans',
    'goods',
    'requestPayment',
    'Coffee beans, 250 g',
    'Single-origin, roasted this week',
    6800,
  ),
  product('mug', 'goods', 'requestPayment', 'Enamel mug', 'Holds 350 ml', 3900),
  product('sticker', 'goods', 'requestPayment', 'Sticker', 'The classic one-fen test purchase', 1),
  coinPack('coins-60', 60),
  coinPack('coins-300', 300),
  product(
    'sword-skin',
    'item',
    'requestVirtualPayment',
    'Golden sword skin',
    'Cosmetic only',
    1800,
    {
      mode: 'short_series_goods',
    },
  ),
  product('extra-life', 'item', 'requestVirtualPayment', 'Extra life', 'One more try', 600, {
    mode: 'short_series_goods',
  }),
  product(
    'shop-tote',
    'component-goods',
    'requestOrderPayment',
    'Canvas tote (video-account shop)',
    'Sold through the custom transaction component',
    4500,
  ),
  product(
    'b2b-beans-case',
    'b2b-goods',
    'requestCommonPayment',
    'Café supply: beans, case of 12 (B2b)',
    'For shops: B2b payment',
    72000,
    { mode: 'retail_pay_goods' },
  ),
  product(
    'plugin-guide',
    'plugin-goods',
    'requestPluginPayment',
    'Brewing guide (plugin)',
    'Sold from a plugin: only a plugin can pay it',
    990,
  ),
  product(
    'cash-out',
    'cash-out',
    'requestMerchantTransfer',
    'Cash out ¥1.00',
    'Your reward balance, to your WeChat balance',
    100,
  ),
];

const BY_ID = new Map(CATALOGUE.map((each) => [each.id, each]));

export function findProduct(productId: string): Product | undefined {
  return BY_ID.get(productId);
}
