/** @jest-environment jsdom */
const path = require('node:path');
const simulate = require('miniprogram-simulate');
const { createCheckout } = require('miniprogram-pay');
const { createFakeBackend, createFakeHost, runUntil } = require('miniprogram-pay/testing');
const { useCheckout } = require('./services/checkout');

const buyPage = simulate.load(path.join(__dirname, 'pages/buy/buy'));

/** Renders the page over a scripted cashier and backend. */
function renderBuyPage({ cashier = 'ok', backend = createFakeBackend() } = {}) {
  const host = createFakeHost({ cashier });
  useCheckout(createCheckout({ backend, host }));
  const page = simulate.render(buyPage);
  page.attach(document.createElement('parent-wrapper'));
  return { page, host, backend };
}

const text = (page, selector) => page.querySelector(selector)?.dom.textContent.trim();

/** Taps, then lets fake time run until the page shows the checkout's result. */
async function tap(page, selector) {
  page.querySelector(selector).dispatchEvent('tap');
  await jest.advanceTimersByTimeAsync(0); // the tap is delivered on a microtask
  await runUntil(() => page.data.message !== '', jest.advanceTimersByTimeAsync);
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('paid: only once the backend says so', async () => {
  const backend = createFakeBackend({ pendingMs: 1500 });
  const { page, host } = renderBuyPage({ backend });
  await tap(page, '#buy');
  expect(text(page, '#message')).toBe('Paid. Your coffee beans are on their way.');
  expect(host.sheetsOpened).toBe(1);
  expect(backend.queries.at(-1).answered).toBe('paid');
});

test('cancelled: one query, in case the payment went through anyway', async () => {
  const backend = createFakeBackend({ state: 'pending' });
  const { page } = renderBuyPage({ cashier: 'cancel', backend });
  await tap(page, '#buy');
  expect(text(page, '#message')).toBe('Payment cancelled.');
  expect(backend.queries).toHaveLength(1);
});

test('lost callback: the app comes back to the foreground, the checkout confirms', async () => {
  const { page, host } = renderBuyPage({ cashier: 'lost' });
  page.querySelector('#buy').dispatchEvent('tap');
  await jest.advanceTimersByTimeAsync(60_000);
  expect(page.data.message).toBe('');
  host.showApp();
  await runUntil(() => page.data.message !== '', jest.advanceTimersByTimeAsync);
  expect(text(page, '#message')).toBe('Paid. Your coffee beans are on their way.');
});

test('pending: the backend is late, then "check again" finds the order paid', async () => {
  const backend = createFakeBackend({ state: 'pending' });
  const { page } = renderBuyPage({ backend });
  await tap(page, '#buy');
  expect(text(page, '#message')).toBe('Payment processing. Check again in a moment.');
  backend.setState('paid');
  await tap(page, '#check-again');
  expect(text(page, '#message')).toBe('Paid. Your coffee beans are on their way.');
  expect(page.querySelector('#check-again')).toBeUndefined();
});
