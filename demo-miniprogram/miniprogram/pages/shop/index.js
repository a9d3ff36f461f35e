const format = require('../../lib/format.js');
const profiles = require('../../lib/profiles.js');

// A page written with Component(): WeChat supports it for pages, and so does
// miniprogram-simulate, which runs this very file in the headless demo and the tests.
Component({
  data: {
    profiles: profiles.PROFILES,
    profile: profiles.PROFILES[0].id,
    products: [],
    loading: true,
    error: '',
  },
  methods: {
    onLoad: function () {
      getApp()
        .demo.api.get('/api/products')
        .then(
          (answer) => {
            // A cash-out is not bought: it has its own page.
            const products = (answer.products || [])
              .filter((product) => product.kind !== 'cash-out')
              .map((product) =>
                Object.assign({}, product, { priceText: format.price(product.price) }),
              );
            this.setData({ products: products, loading: false, error: '' });
          },
          (error) => {
            this.setData({
              loading: false,
              error: `Cannot reach the backend: ${error.message}. Is \`npm start\` running?`,
            });
          },
        );
    },
    onPickProfile: function (event) {
      this.setData({ profile: event.currentTarget.dataset.id });
    },
    onBuy: function (event) {
      wx.navigateTo({
        url:
          '/pages/checkout/index?productId=' +
          encodeURIComponent(event.currentTarget.dataset.id) +
          '&profile=' +
          encodeURIComponent(this.data.profile),
      });
    },
    onOrders: () => {
      wx.navigateTo({ url: '/pages/orders/index' });
    },
    onCashOut: () => {
      wx.navigateTo({ url: '/pages/cash-out/index' });
    },
  },
});
