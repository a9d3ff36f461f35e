const express = require('express');
const {
  createOrderStatusRoute,
  createOrderWatch,
  signPayment,
  verifyNotification,
} = require('miniprogram-pay/server');

/**
 * A merchant server for the mini program's `httpBackend`. `orders` is your database,
 * `wechatpay` your WeChat Pay SDK (wechatpay-axios-plugin's `new Wechatpay({ mchid, serial,
 * privateKey, certs })`, which signs each request and verifies each answer), `keys` your
 * merchant keys, `notifyUrl` this server's /pay/notify as WeChat Pay reaches it, `events` how
 * changes reach every instance (createRedisEvents for several).
 */
function createShop({ orders, wechatpay, keys, notifyUrl, events }) {
  const watch = createOrderWatch({ getOrder: (orderId) => orders.find(orderId), events });
  const app = express();

  // The client's createOrder: the order, its prepay_id, the cashier's signed parameters.
  app.post('/api/orders', express.json(), async (req, res, next) => {
    try {
      const order = await orders.create(req.body); // { orderId, state: 'pending', amount, openid }
      if (!order) {
        const message = `no product ${JSON.stringify(req.body?.productId)} in this shop`;
        return res.status(400).json({ error: { code: 'UNKNOWN_PRODUCT', message } });
      }
      const { data } = await wechatpay.v3.pay.transactions.jsapi.post({
        appid: keys.appId,
        mchid: keys.mchId,
        description: order.description,
        out_trade_no: order.orderId,
        notify_url: notifyUrl,
        amount: { total: order.amount, currency: 'CNY' },
        payer: { openid: order.openid },
      });
      const prepayId = data.prepay_id;
      const params = signPayment({ appId: keys.appId, prepayId, privateKey: keys.privateKey });
      res.status(201).json({ orderId: order.orderId, kind: 'payment', params });
    } catch (error) {
      next(error);
    }
  });

  // WeChat Pay's notification: verify the raw bytes, apply it once, wake the long-polls.
  app.post('/pay/notify', express.raw({ type: '*/*' }), async (req, res) => {
    const fail = (status, message) => res.status(status).json({ code: 'FAIL', message });
    const result = verifyNotification(
      { headers: req.headers, body: req.body },
      { platformKeys: keys.platformKeys, apiV3Key: keys.apiV3Key },
    );
    if (!result.ok) return fail(result.status, result.message);
    try {
      if (result.notification.event_type === 'TRANSACTION.SUCCESS') {
        const transaction = result.resource;
        const order = await orders.find(transaction.out_trade_no);
        if (!order) return fail(400, `no order ${transaction.out_trade_no} on this server`);
        if (transaction.amount.total !== order.amount) {
          return fail(400, `paid ${transaction.amount.total} fen, the order is ${order.amount}`);
        }
        const changed = await orders.markPaid(order.orderId, transaction); // false if already paid
        if (changed) await watch.changed(order.orderId);
      }
      res.status(204).end(); // events you do not handle are acknowledged too
    } catch (error) {
      console.error('notification not applied:', error);
      fail(500, 'try again later'); // WeChat Pay retries: 15 s, 15 s, 30 s, 3 min, ...
    }
  });

  // The client's queryOrder: GET /api/orders/:orderId?waitMs=N, held while pending.
  app.use(createOrderStatusRoute({ watch }).express);
  return app;
}

module.exports = { createShop };
