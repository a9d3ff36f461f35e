import { toOrderState } from 'miniprogram-pay';

test.each([
  ['SUCCESS', 'paid'],
  ['REFUND', 'refunded'],
  ['NOTPAY', 'pending'],
  ['USERPAYING', 'pending'],
  ['ACCEPT', 'pending'],
  ['CLOSED', 'closed'],
  ['REVOKED', 'closed'],
  ['PAYERROR', 'failed'],
  [0, 'pending'],
  [1, 'pending'],
  [2, 'paid'],
  [3, 'paid'],
  [4, 'paid'],
  [5, 'refunded'],
  [6, 'closed'],
  [7, 'paid'],
  ['2', 'paid'],
  [' success ', 'paid'],
  ['paid', 'paid'],
  ['refunded', 'refunded'],
] as const)('toOrderState(%p) is %p', (platformState, state) => {
  expect(toOrderState(platformState)).toBe(state);
});

test.each([-1, 2.5, 99, 'UNKNOWN', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
  'unknown %p is pending, never paid',
  (platformState) => {
    expect(toOrderState(platformState)).toBe('pending');
  },
);
