import type { HostRequestOptions, PaymentHost } from '../core/host';
import { PAYMENT_APIS, type PaymentApi } from '../core/payment-apis';
import {
  answersFor,
  type CashierStep,
  checkCashierSteps,
  type ScriptedAnswer,
} from './cashier-script';
import { checkHostOptions } from './fake-options';
import { fetchRequest } from './fetch-request';

type Callbacks = Partial<Record<ScriptedAnswer['channel'], (result: unknown) => void>>;

/** Options of {@link createFakeHost}. */
export interface FakeHostOptions {
  /**
   * What the cashier does, one step per opening; the last step repeats.
   * @default ['ok']
   */
  cashier?: CashierStep | CashierStep[];
  /** The `detail` of `'fail'` steps. @default 'system error' */
  failDetail?: string;
  /**
   * Milliseconds before the cashier answers (driven by `setTimeout`, so jest fake timers
   * control it). 0 answers on the next microtask.
   * @default 0
   */
  answerDelayMs?: number;
  /** Which payment APIs the host has. @default all six */
  apis?: PaymentApi[];
  /** What `canIUse` answers. @default true for the APIs the host has */
  canIUse?: (schema: string) => boolean;
  /** Initial storage content. @default empty */
  storage?: Record<string, unknown>;
  /** Makes every storage call throw, as a full or broken storage does. @default false */
  storageThrows?: boolean;
  /**
   * Handles `wx.request` (every request is also recorded in `requests`): your own function,
   * or `'fetch'` to send real HTTP with {@link fetchRequest} (a page against a local server).
   * @default answers `fail` with `request:fail no network in the fake host`
   */
  request?: ((options: HostRequestOptions) => unknown) | 'fetch';
}

/** One opening of the fake cashier. */
export interface CashierCall {
  api: PaymentApi;
  /** Exactly what the host received, callbacks left out. */
  params: Record<string, unknown>;
  step: CashierStep;
}

/** A scripted `wx` that behaves like the real hosts, and records what it was asked. */
export interface FakeHost extends PaymentHost {
  /** Every cashier opening, in order. */
  readonly calls: CashierCall[];
  /** How many cashier sheets were opened. */
  readonly sheetsOpened: number;
  /** Answers scheduled but not yet delivered (0 once the host has nothing left to say). */
  readonly pendingAnswers: number;
  /** Every `wx.request` the host received, in order. */
  readonly requests: HostRequestOptions[];
  /** The `onAppShow` listeners currently registered. */
  readonly appShowListeners: ReadonlyArray<(options: unknown) => void>;
  /** The storage, as the host holds it. */
  readonly storage: Map<string, unknown>;
  /** Brings the app back to the foreground: fires every `onAppShow` listener. */
  showApp(): void;
  /** Delivers a late answer to every call whose step was `'lost'`. */
  deliverLost(step?: CashierStep): void;
  /** Replaces the script for the following openings. */
  setCashier(steps: CashierStep | CashierStep[]): void;
  showToast(options: unknown): void;
  showLoading(options: unknown): void;
  hideLoading(): void;
  login(options: { success?(result: { code: string; errMsg: string }): void }): void;
}

/** Creates a fake `PaymentHost`, fit to stand in as `global.wx` in jest. */
export function createFakeHost(options: FakeHostOptions = {}): FakeHost {
  checkHostOptions(options);
  let steps = toSteps(options.cashier);
  let nextStep = 0;
  const apis: readonly PaymentApi[] = options.apis ?? PAYMENT_APIS;
  const calls: CashierCall[] = [];
  const lost: Array<{ api: PaymentApi; callbacks: Callbacks }> = [];
  const appShowListeners: Array<(options: unknown) => void> = [];
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}));
  const requests: HostRequestOptions[] = [];
  let pendingAnswers = 0;
  const handleRequest = options.request === 'fetch' ? fetchRequest() : options.request;

  const deliver = (answers: ScriptedAnswer[], callbacks: Callbacks) => {
    for (const { channel, answer } of answers) callbacks[channel]?.(answer);
  };
  const later = (run: () => void, delayMs = options.answerDelayMs ?? 0) => {
    pendingAnswers++;
    const delivered = () => {
      pendingAnswers--;
      run();
    };
    if (delayMs > 0) setTimeout(delivered, delayMs);
    else Promise.resolve().then(delivered);
  };
  const open = (api: PaymentApi) => (params: Record<string, unknown> & Callbacks) => {
    const { success, fail, complete, ...received } = params;
    const step = steps[Math.min(nextStep++, steps.length - 1)] as CashierStep;
    calls.push({ api, params: received, step });
    const callbacks = { success, fail, complete };
    const answers = answersFor(step, api, options.failDetail);
    if (answers === 'throws') throw new Error(`${api}:fail the fake host threw`);
    if (answers === 'promise') return Promise.resolve({ errMsg: `${api}:ok` });
    if (answers === 'lost') lost.push({ api, callbacks });
    else if (step === 'sync-ok') deliver(answers, callbacks);
    else
      later(() => deliver(answers, callbacks), typeof step === 'object' ? step.delayMs : undefined);
  };
  const guardStorage = () => {
    if (options.storageThrows) throw new Error('setStorageSync:fail storage is full');
  };

  const host: FakeHost = {
    calls,
    get sheetsOpened() {
      return calls.length;
    },
    get pendingAnswers() {
      return pendingAnswers;
    },
    requests,
    appShowListeners,
    storage,
    canIUse: options.canIUse ?? ((schema) => apis.indexOf(schema as PaymentApi) >= 0),
    onAppShow: (listener) => void appShowListeners.push(listener),
    offAppShow: (listener) => {
      const index = appShowListeners.indexOf(listener);
      if (index >= 0) appShowListeners.splice(index, 1);
    },
    getStorageSync: (key) => {
      guardStorage();
      return storage.has(key) ? storage.get(key) : '';
    },
    setStorageSync: (key, data) => {
      guardStorage();
      // Real hosts store a serialised copy, never the live object.
      storage.set(key, data === undefined ? data : JSON.parse(JSON.stringify(data)));
    },
    removeStorageSync: (key) => {
      guardStorage();
      storage.delete(key);
    },
    request: (request) => {
      requests.push(request);
      if (handleRequest) return handleRequest(request);
      later(() => request.fail?.({ errMsg: 'request:fail no network in the fake host' }));
    },
    showApp: () => {
      for (const listener of appShowListeners.slice()) listener({ scene: 1001 });
    },
    deliverLost: (step = 'ok') => {
      checkCashierSteps('FakeHost.deliverLost', 'step', step);
      for (const { api, callbacks } of lost.splice(0)) {
        const answers = answersFor(step, api, options.failDetail);
        if (Array.isArray(answers)) deliver(answers, callbacks);
      }
    },
    setCashier: (next) => {
      checkCashierSteps('FakeHost.setCashier', 'steps', next);
      steps = toSteps(next);
      nextStep = 0;
    },
    showToast: () => {},
    showLoading: () => {},
    hideLoading: () => {},
    login: (loginOptions) =>
      later(() => loginOptions.success?.({ code: 'fake-code', errMsg: 'login:ok' })),
  };
  for (const api of apis) {
    (host as PaymentHost)[api] = open(api) as never;
  }
  return host;
}

function toSteps(cashier: CashierStep | CashierStep[] | undefined): CashierStep[] {
  if (cashier === undefined) return ['ok'];
  const steps = Array.isArray(cashier) ? cashier : [cashier];
  return steps.length > 0 ? steps : ['ok'];
}
