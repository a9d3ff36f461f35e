const config = require('./config.js');
const createDemo = require('./lib/demo.js').createDemo;
const orders = require('./lib/orders.js');

App({
  globalData: { openid: '', resumed: [] },

  onLaunch: function () {
    this.demo = createDemo(config, () => this.globalData.openid || undefined);
    // Log in (the backend turns the code into an openid), then confirm the orders a previous
    // run left pending: resumePending() asks the backend once about each of them.
    this.ready = login(this.demo.api)
      .then((openid) => {
        this.globalData.openid = openid;
      })
      .then(() => this.demo.checkout.resumePending())
      .then((results) => {
        for (let i = 0; i < results.length; i++) orders.settle(results[i]);
        this.globalData.resumed = results;
        this.demo.events.emit('resumed', results);
        return results;
      });
  },
});

function login(api) {
  return new Promise((resolve) => {
    wx.login({
      success: (result) => {
        api.post('/api/login', { code: result.code }).then(
          (answer) => {
            resolve(answer.openid || '');
          },
          () => {
            resolve('');
          },
        );
      },
      fail: () => {
        resolve('');
      },
    });
  });
}
