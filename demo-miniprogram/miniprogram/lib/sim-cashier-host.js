/**
 * A simulated cashier: a PaymentHost that wraps `wx` (request, storage, onAppShow, ...) but
 * whose payment APIs show an action sheet instead of WeChat's cashier, ask the WeChat Pay
 * simulator behind the backend (POST /sim/cashier) to act as chosen, and deliver its answer through
 * success / fail / complete exactly like a real host: requestPayment, requestVirtualPayment,
 * requestOrderPayment and requestCommonPayment (a cashier sheet), requestMerchantTransfer
 * (the receipt confirmation page). requestPluginPayment runs in plugins only: like an
 * ordinary mini program's host, this one cannot run it (canIUse says no; a call answers
 * "not supported").
 *
 * A real WeChat Pay sheet cannot pay a simulator's order; set `useRealHost: true` in config.js to
 * use `wx` itself against a real backend.
 */
const ITEMS = ['Pay', 'Cancel', 'Fail', 'Pay but lose the callback'];
const ACTIONS = ['pay', 'cancel', 'fail', 'pay'];
const LOSE_CALLBACK = 3;
/** The receipt page of a merchant transfer: confirm, or close it for now. */
const TRANSFER_ITEMS = ['Confirm receipt', 'Not now'];
const TRANSFER_ACTIONS = ['pay', 'cancel'];
/** The APIs this host plays. */
const APIS = [
  'requestPayment',
  'requestVirtualPayment',
  'requestOrderPayment',
  'requestCommonPayment',
  'requestMerchantTransfer',
];

/**
 * @param {{ baseUrl: string, sim?: { notifyDelayMs?: number, dropNotify?: boolean },
 *   openid?: () => string | undefined }} options `sim` is read at every payment.
 */
function createSimCashierHost(options) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const showListeners = [];

  // The cashier took the app to the background; closing it brings the app back.
  function appShown() {
    const list = showListeners.slice();
    for (let i = 0; i < list.length; i++) list[i]({ scene: 1038 });
  }

  function cashier(api) {
    const transfer = api === 'requestMerchantTransfer';
    const items = transfer ? TRANSFER_ITEMS : ITEMS;
    const actions = transfer ? TRANSFER_ACTIONS : ACTIONS;
    return (params) => {
      const sent = {};
      for (const key in params) {
        if (typeof params[key] !== 'function') sent[key] = params[key];
      }
      function deliver(answer) {
        const ok = typeof answer.errMsg === 'string' && /:ok$/.test(answer.errMsg);
        const callback = ok ? params.success : params.fail;
        if (callback) callback(answer);
        if (params.complete) params.complete(answer);
      }
      function act(index) {
        const sim = options.sim || {};
        const data = { api: api, params: sent, action: actions[index] };
        const openid = options.openid ? options.openid() : undefined;
        if (openid) data.openid = openid;
        if (typeof sim.notifyDelayMs === 'number') data.notifyDelayMs = sim.notifyDelayMs;
        if (sim.dropNotify) data.dropNotify = true;
        wx.request({
          url: `${baseUrl}/sim/cashier`,
          method: 'POST',
          data: data,
          header: { 'content-type': 'application/json' },
          success: (response) => {
            if (!transfer && index === LOSE_CALLBACK) return appShown();
            deliver(
              response.statusCode === 200 && response.data && response.data.errMsg
                ? response.data
                : { errMsg: `${api}:fail simulated cashier answered HTTP ${response.statusCode}` },
            );
            appShown();
          },
          fail: (error) => {
            // biome-ignore lint/complexity/useOptionalChain: the mini program code stays ES2015
            deliver({ errMsg: `${api}:fail ${(error || {}).errMsg || 'network error'}` });
            appShown();
          },
        });
      }
      wx.showActionSheet({
        itemList: items,
        success: (result) => {
          act(result.tapIndex);
        },
        // Closing the sheet without choosing is what closing WeChat's cashier is: a cancel.
        fail: () => {
          act(1);
        },
      });
    };
  }

  return {
    requestPayment: cashier('requestPayment'),
    requestVirtualPayment: cashier('requestVirtualPayment'),
    requestOrderPayment: cashier('requestOrderPayment'),
    requestCommonPayment: cashier('requestCommonPayment'),
    requestMerchantTransfer: cashier('requestMerchantTransfer'),
    // What a mini program page's host answers: the API is a plugin's.
    requestPluginPayment: (params) => {
      const answer = { errMsg: 'requestPluginPayment:fail :not supported', errno: 100 };
      setTimeout(() => {
        if (params.fail) params.fail(answer);
        if (params.complete) params.complete(answer);
      }, 0);
    },
    canIUse: (schema) => {
      if (APIS.indexOf(schema) >= 0) return true;
      if (schema === 'requestPluginPayment') return false;
      return typeof wx.canIUse === 'function' ? wx.canIUse(schema) : true;
    },
    request: (requestOptions) => wx.request(requestOptions),
    getStorageSync: (key) => wx.getStorageSync(key),
    setStorageSync: (key, data) => wx.setStorageSync(key, data),
    removeStorageSync: (key) => wx.removeStorageSync(key),
    onAppShow: (listener) => {
      showListeners.push(listener);
      if (typeof wx.onAppShow === 'function') wx.onAppShow(listener);
    },
    offAppShow: (listener) => {
      const index = showListeners.indexOf(listener);
      if (index >= 0) showListeners.splice(index, 1);
      if (typeof wx.offAppShow === 'function') wx.offAppShow(listener);
    },
  };
}

module.exports = {
  createSimCashierHost: createSimCashierHost,
  CASHIER_ITEMS: ITEMS,
  TRANSFER_ITEMS: TRANSFER_ITEMS,
};
