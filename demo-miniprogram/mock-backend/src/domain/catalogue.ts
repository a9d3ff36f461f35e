/** Price of one virtual coin in fen, as set in the (simulated) virtual payment console. */
export const COIN_PRICE_FEN = 10;

interface ProductBase {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Price of one unit, in fen. */
  readonly price: number;
  readonly currency: 'CNY';
}

/** Physical goods or services, paid with wx.requestPayment. */
export interface GoodsProduct extends ProductBase {
  readonly kind: 'goods';
  readonly api: 'requestPayment';
}

/** A coin top-up, paid with wx.requestVirtualPayment in `short_series_coin` mode. */
export interface CoinPackProduct extends ProductBase {
  readonly kind: 'coins';
  readonly api: 'requestVirtualPayment';
  readonly mode: 'short_series_coin';
  /** Coins credited per pack; price = coins x {@link COIN_PRICE_FEN}. */
  readonly coins: number;
}

/** A virtual item, paid with wx.requestVirtualPayment in `short_series_goods` mode. */
export interface ItemProduct extends ProductBase {
  readonly kind: 'item';
  readonly api: 'requestVirtualPayment';
  readonly mode: 'short_series_goods';
}

export type Product = GoodsProduct | CoinPackProduct | ItemProduct;
export type VirtualProduct = CoinPackProduct | ItemProduct;

function coinPack(id: string, coins: number): CoinPackProduct {
  return {
    id,
    kind: 'coins',
    api: 'requestVirtualPayment',
    mode: 'short_series_coin',
    name: `${coins} coins`,
    description: `Top up ${coins} coins`,
    coins,
    price: coins * COIN_PRICE_FEN,
    currency: 'CNY',
  };
}

export const CATALOGUE: readonly Product[] = [
  {
    id: 'coffee-beans',
    kind: 'goods',
    api: 'requestPayment',
    name: 'Coffee beans, 250 g',
    description: 'Single-origin, roasted this week',
    price: 6800,
    currency: 'CNY',
  },
  {
    id: 'mug',
    kind: 'goods',
    api: 'requestPayment',
    name: 'Enamel mug',
    description: 'Holds 350 ml',
    price: 3900,
    currency: 'CNY',
  },
  {
    id: 'sticker',
    kind: 'goods',
    api: 'requestPayment',
    name: 'Sticker',
    description: 'The classic one-fen test purchase',
    price: 1,
    currency: 'CNY',
  },
  coinPack('coins-60', 60),
  coinPack('coins-300', 300),
  {
    id: 'sword-skin',
    kind: 'item',
    api: 'requestVirtualPayment',
    mode: 'short_series_goods',
    name: 'Golden sword skin',
    description: 'Cosmetic only',
    price: 1800,
    currency: 'CNY',
  },
  {
    id: 'extra-life',
    kind: 'item',
    api: 'requestVirtualPayment',
    mode: 'short_series_goods',
    name: 'Extra life',
    description: 'One more try',
    price: 600,
    currency: 'CNY',
  },
];

const PRODUCTS_BY_ID = new Map(CATALOGUE.map((product) => [product.id, product]));

export function findProduct(productId: string): Product | undefined {
  return PRODUCTS_BY_ID.get(productId);
}

/** Items registered for short_series_goods (the platform checks goodsPrice against these). */
export function findVirtualItem(productId: string): ItemProduct | undefined {
  const product = PRODUCTS_BY_ID.get(productId);
  return product?.kind === 'item' ? product : undefined;
}
