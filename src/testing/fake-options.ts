import { PAYMENT_APIS } from '../core/payment-apis';
import { isRecord } from '../shared/values';
import { checkCashierSteps } from './cashier-script';
import { checkKind, checkNumber, checkOneOf, invalid, optionsOf } from './check-options';
import { isFakeAnswer, ORDER_STATES } from './scripted-answer';

/*
 * The options of the fakes, checked before a test runs into a fake that silently never
 * answers: a TypeError naming the option, its message starting with the testing kit's tag.
 */

/** Checks the options of `createFakeHost`; throws the TypeError naming a bad one. */
export function checkHostOptions(options: unknown): void {
  const api = 'createFakeHost';
  const given = optionsOf(api, options);
  checkCashierSteps(api, 'cashier', given.cashier ?? []);
  checkKind(api, 'failDetail', given.failDetail, 'string');
  checkNumber(api, 'answerDelayMs', given.answerDelayMs);
  const { apis } = given;
  if (
    apis !== undefined &&
    !(Array.isArray(apis) && apis.every((name) => PAYMENT_APIS.indexOf(name) >= 0))
  ) {
    invalid(api, 'apis', `a list of ${PAYMENT_APIS.join(', ')}, or left out`, apis);
  }
  checkKind(api, 'canIUse', given.canIUse, 'function');
  checkKind(api, 'storage', given.storage, 'object');
  checkKind(api, 'storageThrows', given.storageThrows, 'boolean');
  if (given.request !== 'fetch') {
    checkKind(api, 'request', given.request, 'function', "a function or 'fetch'");
  }
}

/** Checks the options of `createFakeBackend`; throws the TypeError naming a bad one. */
export function checkBackendOptions(options: unknown): void {
  const api = 'createFakeBackend';
  const given = optionsOf(api, options);
  checkOneOf(api, 'state', given.state, ORDER_STATES);
  for (const name of ['pendingQueries', 'pendingMs', 'latencyMs', 'createLatencyMs'] as const) {
    checkNumber(api, name, given[name]);
  }
  checkKind(api, 'longPoll', given.longPoll, 'boolean');
  const { script, order } = given;
  const answer = 'an order state, hang, or { state | reject | throw | resolve | return }';
  if (script !== undefined && !Array.isArray(script)) {
    invalid(api, 'script', 'a list of answers, or left out', script);
  }
  (script as unknown[] | undefined)?.forEach((step, index) => {
    if (step !== undefined && !isFakeAnswer(step)) invalid(api, `script[${index}]`, answer, step);
  });
  if (order === undefined || typeof order === 'function' || isRecord(order)) return;
  if (!isFakeAnswer(order)) {
    invalid(api, 'order', `an order, a function (input, index) => order, or ${answer}`, order);
  }
}
