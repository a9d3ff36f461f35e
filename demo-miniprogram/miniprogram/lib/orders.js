/** The demo's own list of orders it created, kept in storage for the orders page. */
const KEY = 'demo:orders';

function list() {
  const stored = wx.getStorageSync(KEY);
  return Array.isArray(stored) ? stored : [];
}

function save(orders) {
  wx.setStorageSync(KEY, orders.slice(0, 50));
}

/** Adds an order the checkout just created (a PreparedOrder) for `product`, pending. */
function add(order, product) {
  const orders = list().filter((entry) => entry.orderId !== order.orderId);
  orders.unshift({
    orderId: order.orderId,
    kind: order.kind,
    productId: product.id,
    name: product.name,
    priceText: product.priceText,
    status: 'pending',
    code: '',
    detail: '',
  });
  save(orders);
}

/** Records the latest CheckoutResult of an order: its status, and its code and detail if failed. */
function settle(result) {
  if (!result.orderId) return;
  const orders = list();
  for (let i = 0; i < orders.length; i++) {
    if (orders[i].orderId === result.orderId) {
      orders[i].status = result.status;
      orders[i].code = result.status === 'failed' ? result.code : '';
      orders[i].detail = result.status === 'failed' ? result.detail : '';
    }
  }
  save(orders);
}

module.exports = { list: list, add: add, settle: settle };
