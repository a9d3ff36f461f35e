import { describeValue, fieldsOf } from '../validation/rules';
import { DEFAULT_CONFIRM } from './confirm-options';
import type { CheckoutConfig, ConfirmOptions } from './types';

type Schedule = Required<ConfirmOptions>;

/** The least value of each number option. */
const MINIMUM: { readonly [name: string]: number } = {
  firstDelayMs: 0,
  intervalMs: 1,
  growth: 1,
  maxIntervalMs: 1,
  deadlineMs: 1,
  waitMs: 0,
  hostTimeoutMs: 1,
  resumeGraceMs: 0,
};

/**
 * Checks a {@link CheckoutConfig} and returns its confirmation schedule, defaults filled in.
 * A bad option is a programmer error: throws a TypeError that names it.
 */
export function readConfig(config: CheckoutConfig): Schedule {
  const options = fieldsOf(config);
  const backend = options.backend as Record<string, unknown> | undefined;
  const confirm = fieldsOf(options.confirm);
  const check = (valid: boolean, name: string, expected: string, value: unknown) => {
    if (!valid) {
      throw new TypeError(
        `[miniprogram-pay] createCheckout: ${name} must be ${expected}, got ${describeValue(value)}`,
      );
    }
  };
  check(
    typeof backend?.createOrder === 'function' && typeof backend.queryOrder === 'function',
    'backend',
    'an object with createOrder and queryOrder functions',
    backend,
  );
  for (const [name, type] of [
    ['confirm', 'object'],
    ['host', 'object'],
    ['persistPending', 'boolean'],
    ['onStage', 'function'],
  ]) {
    const value = options[name as string];
    check(value === undefined || typeof value === type, name as string, `a ${type}`, value);
  }
  const schedule: Record<string, unknown> = { ...DEFAULT_CONFIRM };
  for (const name in MINIMUM) {
    const inConfirm = name in schedule;
    const value = (inConfirm ? confirm : options)[name];
    const min = MINIMUM[name] as number;
    check(
      value === undefined || (typeof value === 'number' && value >= min && value < 2 ** 31),
      (inConfirm ? 'confirm.' : '') + name,
      `a number >= ${min}`,
      value,
    );
    if (inConfirm && value !== undefined) schedule[name] = value;
  }
  return schedule as Schedule;
}
