const { createCheckout, httpBackend } = require('miniprogram-pay');

let checkout;

/** The app's one checkout. Tests put their own in with `useCheckout`. */
function getCheckout() {
  if (!checkout) {
    checkout = createCheckout({ backend: httpBackend({ baseUrl: 'https://shop.example.com' }) });
  }
  return checkout;
}

function useCheckout(next) {
  checkout = next;
}

module.exports = { getCheckout, useCheckout };
