const format = require('../../lib/format.js');
const orders = require('../../lib/orders.js');

const PRODUCT_ID = 'cash-out';

/**
 * A cash-out: the backend creates a merchant transfer (a bill waiting for the user), pay()
 * opens wx.requestMerchantTransfer with the bill's package, the user confirms receipt, and
 * the backend confirms the bill's end. The result reads as a transfer: "Received".
 */
Component({
  data: {
    product: null,
    error: '',
    busy: false,
    stageText: '',
    orderId: '',
    paramsShape: '',
    result: null,
  },
  methods: {
    onLoad: function () {
      getApp()
        .demo.api.get('/api/products')
        .then((answer) => {
          const product = (answer.products || []).filter((entry) => entry.id === PRODUCT_ID)[0];
          if (!product) throw new Error('the backend has no cash-out product');
          this.setData({
            product: Object.assign({}, product, { priceText: format.price(product.price) }),
          });
        })
        .catch((error) => {
          this.setData({ error: `Cannot load the cash-out: ${error.message}` });
        });
    },
    onBack: () => {
      wx.navigateBack();
    },
    onCashOut: function () {
      const demo = getApp().demo;
      const product = this.data.product;
      const offs = [
        demo.events.on('stage', (stage, info) => {
          if (stage === 'settled') return;
          this.setData({
            stageText: format.stageText(stage, 'transfer'),
            orderId: info.orderId || '',
          });
        }),
        demo.events.on('order', (order) => {
          orders.add(order, product);
          this.setData({ orderId: order.orderId, paramsShape: format.paramsShape(order.params) });
        }),
      ];
      this.setData({ busy: true, result: null });
      const input = {
        productId: PRODUCT_ID,
        quantity: 1,
        openid: getApp().globalData.openid || undefined,
      };
      demo.checkout.pay(input).then((result) => {
        for (let i = 0; i < offs.length; i++) offs[i]();
        if (result.status === 'failed' && result.code === 'busy') return;
        orders.settle(result);
        this.setData({ busy: false, stageText: '', result: format.describeResult(result) });
      });
    },
  },
});
