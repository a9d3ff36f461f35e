import { fieldsOf } from '../validation/rules';
import { DEFAULT_CONFIRM } from './confirm-options';
import type { CheckoutConfig, ConfirmOptions } from './types';

/** The confirmation schedule and the cashier's time limits, defaults filled in. */
export type Schedule = Required<ConfirmOptions> & { hostTimeoutMs?: number; resumeGraceMs: number };

/** The type of each option, or the least value of a number option (`confirm.*` included). */
const OPTIONS: { readonly [name: string]: string | number } = {
  confirm: 'object',
  host: 'object',
  persistPending: 'boolean',
  onStage: 'function',
  hostTimeoutMs: 1,
  resumeGraceMs: 0,
  firstDelayMs: 0,
  intervalMs: 1,
  growth: 1,
  maxIntervalMs: 1,
  deadlineMs: 1,
  waitMs: 0,
};

/** Throws the TypeError of a bad option, e.g. `[miniprogram-pay] httpBackend: baseUrl must be a URL`. */
export function invalid(name: string, expected: string, api = 'createCheckout'): never {
  throw new TypeError(`[miniprogram-pay] ${api}: ${name} must be ${expected}`);
}

/**
 * Checks a {@link CheckoutConfig} and returns its {@link Schedule}.
 * A bad option is a programmer error: throws a TypeError that names it.
 */
export function readConfig(config: CheckoutConfig): Schedule {
  const options = fieldsOf(config);
  const backend = options.backend as Record<string, unknown> | undefined;
  const confirm = fieldsOf(options.confirm);
  const schedule: Record<string, unknown> = { ...DEFAULT_CONFIRM, resumeGraceMs: 2000 };
  if (typeof backend?.createOrder !== 'function' || typeof backend.queryOrder !== 'function') {
    invalid('backend', '{ createOrder, queryOrder }');
  }
  for (const name in OPTIONS) {
    const rule = OPTIONS[name];
    const inConfirm = name in DEFAULT_CONFIRM;
    const value = (inConfirm ? confirm : options)[name];
    if (value === undefined) continue;
    if (typeof rule !== 'number') {
      if (typeof value !== rule) invalid(name, `a ${rule}`);
    } else if (typeof value === 'number' && value >= rule && value < 2 ** 31) {
      schedule[name] = value;
    } else {
      invalid((inConfirm ? 'confirm.' : '') + name, `a number >= ${rule}`);
    }
  }
  return schedule as Schedule;
}
