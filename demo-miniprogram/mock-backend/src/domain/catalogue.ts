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

/** Goods of a video-account shop, paid with wx.requestOrderPayment (custom transaction component). */
export interface ComponentGoodsProduct extends ProductBase {
  readonly kind: 'component-goods';
  readonly api: 'requestOrderPayment';
}

/** Goods sold to a business (B2b), paid with wx.requestCommonPayment. */
export interface B2bGoodsProduct extends ProductBase {
  readonly kind: 'b2b-goods';
  readonly api: 'requestCommonPayment';
  readonly mode: 'retail_pay_goods';
}

/** Sold from inside a plugin, paid with wx.requestPluginPayment (plugins only). */
export interface PluginGoodsProduct extends ProductBase {
  readonly kind: 'plugin-goods';
  readonly api: 'requestPluginPayment';
}

/** Money the merchant sends the user: a merchant transfer, received with wx.requestMerchantTransfer. */
export interface CashOutProduct extends ProductBase {
  readonly kind: 'cash-out';
  readonly api: 'requestMerchantTransfer';
}

export type Product =
  | GoodsProduct
  | CoinPackProduct
  | ItemProduct
  | ComponentGoodsProduct
  | B2bGoodsProduct
  | PluginGoodsProduct
  | CashOutProduct;
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
  {
    id: 'shop-tote',
    kind: 'component-goods',
    api: 'requestOrderPayment',
    name: 'Canvas tote (video-account shop)',
    description: 'Sold through the custom transaction component',
    price: 4500,
    currency: 'CNY',
  },
  {
    id: 'b2b-beans-case',
    kind: 'b2b-goods',
    api: 'requestCommonPayment',
    mode: 'retail_pay_goods',
    name: 'Café supply: beans, case of 12 (B2b)',
    description: 'For shops: B2b payment',
    price: 72000,
    currency: 'CNY',
  },
  {
    id: 'plugin-guide',
    kind: 'plugin-goods',
    api: 'requestPluginPayment',
    name: 'Brewing guide (plugin)',
    description: 'Sold from a plugin: only a plugin can pay it',
    price: 990,
    currency: 'CNY',
  },
  {
    id: 'cash-out',
    kind: 'cash-out',
    api: 'requestMerchantTransfer',
    name: 'Cash out ¥1.00',
    description: 'Your reward balance, to your WeChat balance',
    price: 100,
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
