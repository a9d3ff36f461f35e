const format = require('../../lib/format.js');
const orders = require('../../lib/orders.js');
const profiles = require('../../lib/profiles.js');

Component({
  data: {
    product: null,
    profileLabel: '',
    error: '',
    busy: false,
    stageText: '',
    orderId: '',
    paramsShape: '',
    result: null,
    timing: '',
  },
  methods: {
    onLoad: function (query) {
      const profile = profiles.findProfile(query.profile);
      this.profileId = profile.id;
      this.setData({ profileLabel: profile.label });
      getApp()
        .demo.api.get('/api/products')
        .then((answer) => {
          const product = (answer.products || []).filter(
            (entry) => entry.id === query.productId,
          )[0];
          if (!product) throw new Error(`no product ${query.productId}`);
          this.setData({
            product: Object.assign({}, product, { priceText: format.price(product.price) }),
          });
        })
        .catch((error) => {
          this.setData({ error: `Cannot load the product: ${error.message}` });
        });
    },
    onUnload: function () {
      if (this.stopWatching) this.stopWatching();
    },
    onPay: function () {
      const product = this.data.product;
      const input = {
        productId: product.id,
        quantity: 1,
        openid: getApp().globalData.openid || undefined,
        profile: profiles.backendProfile(this.profileId, product),
      };
      // No guard of our own: the checkout answers a second pay() while one runs with
      // `failed` / `busy`, which run() ignores. A double tap makes one order, one cashier.
      this.run((checkout) => checkout.pay(input));
    },
    onCheckAgain: function () {
      const orderId = this.data.orderId;
      this.run((checkout) => checkout.confirm(orderId));
    },
    onBack: () => {
      wx.navigateBack();
    },

    /** Runs one checkout call, showing its stages, then its result. */
    run: function (start) {
      const demo = getApp().demo;
      const product = this.data.product;
      const watch = { confirmingAt: 0, queries: 0 };
      const offs = [
        demo.events.on('stage', (stage, info) => {
          if (stage === 'confirming') watch.confirmingAt = Date.now();
          if (stage === 'settled') return;
          this.setData({ stageText: format.stageText(stage), orderId: info.orderId || '' });
        }),
        demo.events.on('order', (order) => {
          orders.add(order, product);
          this.setData({ orderId: order.orderId, paramsShape: format.paramsShape(order.params) });
        }),
        demo.events.on('query', () => {
          watch.queries++;
        }),
      ];
      const stop = () => {
        for (let i = 0; i < offs.length; i++) offs[i]();
      };
      start(demo.checkout).then((result) => {
        stop();
        if (result.status === 'failed' && result.code === 'busy') return;
        this.stopWatching = null;
        orders.settle(result);
        this.setData({
          busy: false,
          stageText: '',
          orderId: result.orderId || this.data.orderId,
          result: format.describeResult(result),
          timing: watch.confirmingAt
            ? `Confirmation: ${Date.now() - watch.confirmingAt} ms, ${watch.queries} status ${
                watch.queries === 1 ? 'query' : 'queries'
              }`
            : '',
        });
      });
      if (!this.data.busy) {
        this.stopWatching = stop;
        this.setData({ busy: true, result: null, timing: '' });
      }
    },
  },
});
