const format = require('../../lib/format.js');
const orders = require('../../lib/orders.js');

/** "At launch, 2 pending orders were checked again: 1 paid, 1 still processing." */
function describeResumed(results) {
  if (!results.length) return '';
  const counts = {};
  for (let i = 0; i < results.length; i++) {
    const text = results[i].status === 'pending' ? 'still processing' : results[i].status;
    counts[text] = (counts[text] || 0) + 1;
  }
  const parts = Object.keys(counts).map((text) => `${counts[text]} ${text}`);
  const plural = results.length === 1 ? ' pending order was' : ' pending orders were';
  return `At launch, ${results.length}${plural} checked again: ${parts.join(', ')}.`;
}

Component({
  data: { orders: [], resumedText: '', checking: false },
  methods: {
    onLoad: function () {
      this.stopResumed = getApp().demo.events.on('resumed', () => {
        this.refresh();
      });
    },
    onShow: function () {
      this.refresh();
    },
    onUnload: function () {
      if (this.stopResumed) this.stopResumed();
    },
    refresh: function () {
      this.setData({
        orders: orders
          .list()
          .map((order) => Object.assign({}, order, { statusText: format.statusTitle(order) })),
        resumedText: describeResumed(getApp().globalData.resumed || []),
      });
    },
    onCheckAgain: function (event) {
      this.setData({ checking: true });
      getApp()
        .demo.checkout.confirm(event.currentTarget.dataset.id)
        .then((result) => {
          orders.settle(result);
          this.setData({ checking: false });
          this.refresh();
        });
    },
  },
});
