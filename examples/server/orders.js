const { randomUUID } = require('node:crypto');

/** An order table in memory, standing for your database. */
function createOrderStore() {
  const orders = new Map();
  return {
    async create({ productId, openid }) {
      const orderId = `MP${randomUUID().replace(/-/g, '').slice(0, 20)}`;
      const order = {
        orderId,
        state: 'pending',
        productId,
        openid,
        amount: 1200,
        description: 'Tea, 500 g',
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
