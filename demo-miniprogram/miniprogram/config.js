// The demo's settings. Edit them here; nothing else needs to change.
module.exports = {
  // Where the backend listens (`npm start` or `npm run backend` in the repository root).
  // On a phone, 127.0.0.1 is the phone itself: put your computer's LAN address here instead,
  // e.g. 'http://192.168.1.23:3000' (docs/demo.md, "What localhost means on a phone", explains).
  baseUrl: 'http://127.0.0.1:3000',
  // false: a simulated cashier (an action sheet) pays the orders at the WeChat Pay simulator.
  // true: the real wx.requestPayment / wx.requestVirtualPayment, for a real backend.
  useRealHost: false,
  // Passed to createCheckout.
  checkout: {
    // No callback at all this long after the cashier opened: confirm with the backend anyway.
    hostTimeoutMs: 20000,
    // The app came back to the foreground without a callback: confirm after this long.
    resumeGraceMs: 1500,
    confirm: { deadlineMs: 15000, waitMs: 5000 },
  },
  // The simulated cashier only (ignored with useRealHost).
  sim: {
    // How long after a payment the simulated platform notifies the backend.
    notifyDelayMs: 300,
    // The platform's notification never arrives: the backend must query the platform itself.
    dropNotify: false,
  },
};
