/**
 * The one checkout of the demo app, built from config.js: the simulated cashier host (or the
 * real `wx`), httpBackend against the backend, and events the pages listen to.
 */
const pay = require('miniprogram-pay');
const createApi = require('./api.js').createApi;
const createEvents = require('./events.js').createEvents;
const createSimCashierHost = require('./sim-cashier-host.js').createSimCashierHost;

function createDemo(config, getOpenid) {
  const events = createEvents();
  const host = config.useRealHost
    ? wx
    : createSimCashierHost({ baseUrl: config.baseUrl, sim: config.sim, openid: getOpenid });
  const http = pay.httpBackend({ baseUrl: config.baseUrl, host: host });
  // httpBackend, observed: the pages show the parameters the server signed and count queries.
  const backend = {
    createOrder: (input, context) =>
      http.createOrder(input, context).then((order) => {
        events.emit('order', order, input);
        return order;
      }),
    queryOrder: (orderId, context) => {
      events.emit('query', orderId);
      return http.queryOrder(orderId, context);
    },
  };
  const settings = config.checkout || {};
  const checkout = pay.createCheckout({
    backend: backend,
    host: host,
    confirm: settings.confirm,
    hostTimeoutMs: settings.hostTimeoutMs,
    resumeGraceMs: settings.resumeGraceMs,
    onStage: (stage, info) => {
      events.emit('stage', stage, info);
    },
  });
  return { checkout: checkout, events: events, api: createApi(config.baseUrl), host: host };
}

module.exports = { createDemo: createDemo };
