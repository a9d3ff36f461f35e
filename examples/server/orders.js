const { randomUUID } = require('node:crypto');

/** What this shop sells, one per order: the demo's goods, prices in fen. */
const PRODUCTS = new Map([
  ['coffee-beans', { amount: 6800, description: 'Coffee beans, 250 g' }],
  ['mug', { amount: 3900, description: 'Enamel mug' }],
  ['sticker', { amount: 1, description: 'Sticker' }],
]);

/** An order table in memory, standing for your database. */
function createOrderStore() {
  const orders = new Map();
  return {
    /** A pending order for the product, or undefined when the shop does not sell it. */
    async create(input) {
      const product = PRODUCTS.get(input?.productId);
      if (!product) return undefined;
      const orderId = `MP${randomUUID().replace(/-/g, '').slice(0, 20)}`;
      const order = {
        orderId,
        state: 'pending',
        productId: input.productId,
        openid: input.openid,
        ...product,
      };
      orders.set(orderId, order);
      return { ...order };
    },
    async find(orderId) {
      const order = orders.get(orderId);
      return order && { ...order };
    },
    /** Marks a pending order paid; false when it was not pending (a duplicate notification). */
    async markPaid(orderId, transaction) {
      const order = orders.get(orderId);
      if (order?.state !== 'pending') return false;
      Object.assign(order, { state: 'paid', transactionId: transaction.transaction_id });
      return true;
    },
  };
}

module.exports = { createOrderStore };
