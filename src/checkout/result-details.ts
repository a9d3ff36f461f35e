import { describeThrown, describeValue } from '../shared/values';

/**
 * The `detail` of a checkout's results: sentences for a log, saying what happened, the value
 * received, and what to do when it is not obvious.
 */
export const resultDetails = {
  badOrderId: (value: unknown) =>
    `orderId must be the id your backend gave, a non-empty string, got ${describeValue(value)}.`,

  busyCheckout:
    'Another pay() or confirm() of this checkout is running; this pay() created nothing.',
  busyHost: 'A cashier is already open on this host; this pay() created nothing.',
  noHost: 'No host: the global wx is missing and createCheckout got no host. Nothing was created.',
  lostCallback: (graceMs: number) =>
    `The callback was lost: the app came back and no callback followed within ${graceMs} ms.`,

  callThrew: (call: string, thrown: unknown) => `backend.${call} threw ${describeThrown(thrown)}.`,
  callRejected: (call: string, thrown: unknown) =>
    `backend.${call} rejected: ${describeThrown(thrown)}`,
  callTimedOut: (call: string, ms: number) => `backend.${call} gave no answer within ${ms} ms.`,
  callMalformed: (call: string, problem: string) => `backend.${call} resolved ${problem}.`,
  callAborted: (call: string) => `Aborted before backend.${call} answered.`,

  orderClosed: 'The backend says the order is closed.',
  orderRefunded: 'The backend says the order was refunded.',
  paymentFailed: 'The backend says the payment failed.',
  orderUnknown: 'The backend does not know this order.',
  hostFailedNothingPaid: (detail: string) =>
    `${detail} (and the backend has no payment for the order)`,
  abortedWithOrder:
    'Aborted after the order was created; the user may still pay: confirm the order later.',
  notConfirmed: (deadlineMs: number, last: string) =>
    `The backend did not confirm the order within ${deadlineMs} ms (${last}); the payment may still complete: confirm it later.`,
  notFinalYet: (last: string) => `The backend has no final state for the order yet (${last}).`,
  givenUp: ' Kept 2 hours, as long as a prepay_id lives: now forgotten.',
  lastSaidPending: 'its last answer was pending',
  lastQueryFailed: (message: string) => `the last query failed: ${message}`,
  neverAnswered: 'no query was answered',
  unexpected: (thrown: unknown) =>
    `miniprogram-pay failed unexpectedly (${describeThrown(thrown)}); please report it.`,
};
