// Compiled by `tsc -p tsconfig.types.json` (part of `npm run typecheck`), never run.

import { expectTypeOf } from 'expect-type';
import {
  createCheckout,
  type PaymentApi,
  type PaymentBackend,
  type PaymentHost,
} from '../../src/index';
import {
  type CashierStep,
  createFakeBackend,
  createFakeHost,
  type FakeBackend,
  type FakeHost,
  type FetchRecord,
  fetchRequest,
  runUntilSettled,
} from '../../src/testing/index';

const host = createFakeHost({ cashier: ['lost', 'ok'], answerDelayMs: 10 });
const backend = createFakeBackend({ pendingQueries: 2, state: 'paid' });

// The fakes drop in where the real parts go.
expectTypeOf(host).toExtend<PaymentHost>();
expectTypeOf(backend).toExtend<PaymentBackend>();
const checkout = createCheckout({ backend, host });
expectTypeOf(runUntilSettled(checkout.pay({}), async (_ms: number) => {})).resolves.toHaveProperty(
  'status',
);

// What they record is typed.
expectTypeOf<FakeHost['calls'][number]['api']>().toEqualTypeOf<PaymentApi>();
expectTypeOf<FakeBackend['queries'][number]['waitMs']>().toBeNumber();
expectTypeOf<CashierStep>().toExtend<string | object>();

// Real HTTP for a page against a local server: by name, or fetchRequest with its options.
createFakeHost({ request: 'fetch' });
createFakeHost({ request: fetchRequest({ onSettled: (record) => record.errMsg }) });
expectTypeOf<FetchRecord['statusCode']>().toEqualTypeOf<number | undefined>();
expectTypeOf(fetchRequest()).returns.toEqualTypeOf<{ abort(): void }>();

// Misuse is rejected.
// @ts-expect-error not a known cashier behaviour
createFakeHost({ cashier: 'explode' });
// @ts-expect-error not an order state
createFakeBackend({ state: 'done' });
// @ts-expect-error the delay is a number
createFakeHost({ answerDelayMs: 'soon' });
// @ts-expect-error request is a function or 'fetch'
createFakeHost({ request: 'xhr' });
// @ts-expect-error onSettled receives a record, not a string
fetchRequest({ onSettled: (record: string) => record });
