import fc from 'fast-check';
import { type PaymentOutcome, requestPayment, requestVirtualPayment } from 'miniprogram-pay';
import { CASHIER_BEHAVIOURS, createFakeHost } from 'miniprogram-pay/testing';

const anyAnswer = fc.oneof(
  fc.anything(),
  fc.record({
    errMsg: fc.oneof(fc.string(), fc.constantFrom('requestPayment:ok', 'x:fail cancel', 'fail')),
    errCode: fc.oneof(fc.integer(), fc.string(), fc.constant(undefined)),
    errno: fc.oneof(fc.integer(), fc.constant(undefined)),
  }),
);
const scriptedAnswers = fc.array(
  fc.record({
    channel: fc.constantFrom('success' as const, 'fail' as const, 'complete' as const),
    answer: anyAnswer,
  }),
  { maxLength: 4 },
);

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('never rejects, settles by its timeout, opens at most one sheet, leaves no timer', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.constantFrom(...CASHIER_BEHAVIOURS),
        scriptedAnswers.map((answers) => ({ answers })),
      ),
      fc.constantFrom('requestPayment' as const, 'requestVirtualPayment' as const),
      fc.integer({ min: 0, max: 30 }),
      fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      fc.boolean(),
      async (step, api, answerDelayMs, timeoutMs, abortAfterMs, validParams) => {
        const host = createFakeHost({ cashier: step, answerDelayMs });
        const controller = new AbortController();
        if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
        const options = { host, timeoutMs: timeoutMs ?? 100, signal: controller.signal };
        const call =
          api === 'requestPayment'
            ? requestPayment(
                (validParams
                  ? { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', paySign: 's' }
                  : { timeStamp: 'x' }) as never,
                options,
              )
            : requestVirtualPayment(
                (validParams
                  ? {
                      mode: 'short_series_coin',
                      signData:
                        '{"offerId":"1","buyQuantity":1,"currencyType":"CNY","outTradeNo":"abcdefgh","attach":""}',
                      paySig: 'p',
                      signature: 's',
                    }
                  : {}) as never,
                options,
              );
        let settled: PaymentOutcome | undefined;
        let rejected = false;
        call.then(
          (outcome) => {
            settled = outcome;
          },
          () => {
            rejected = true;
          },
        );
        await jest.advanceTimersByTimeAsync(200);
        host.deliverLost('ok');
        await jest.advanceTimersByTimeAsync(100);
        expect(rejected).toBe(false);
        expect(settled?.status).toMatch(/^(ok|cancelled|failed)$/);
        expect(host.sheetsOpened).toBeLessThanOrEqual(validParams ? 1 : 0);
        expect(jest.getTimerCount()).toBe(0);
      },
    ),
    { numRuns: 300 },
  );
});
