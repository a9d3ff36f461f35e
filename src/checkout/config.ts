import type { PaymentHost } from '../core/host';
import {
  DEFAULT_CONFIRM,
  DEFAULT_HOST_TIMEOUT_MS,
  DEFAULT_PENDING_KEY,
  DEFAULT_RESUME_GRACE_MS,
} from '../defaults';
import { optionError } from '../shared/option-error';
import { MAX_TIMER_MS } from '../shared/time';
import type { CheckoutConfig, ConfirmOptions } from './options';
import { TAG } from './tag';

/** When the order's state is queried: the `confirm` options, every default filled in. */
export type PollSchedule = Readonly<Required<ConfirmOptions>>;

/** A {@link CheckoutConfig} checked, with every default filled in. */
export interface CheckoutSettings {
  readonly backend: CheckoutConfig['backend'];
  readonly host: PaymentHost | undefined;
  readonly onStage: CheckoutConfig['onStage'];
  readonly pollSchedule: PollSchedule;
  /** How long `createOrder` may take: the `confirm.deadlineMs` a whole confirmation gets. */
  readonly createTimeoutMs: number;
  readonly hostTimeoutMs: number;
  readonly resumeGraceMs: number;
  readonly persistPending: boolean;
  readonly pendingKey: string;
}

/** The least value of each number option (all milliseconds but `growth`). */
const LEAST: { readonly [name in keyof ConfirmOptions]-?: number } = {
  firstDelayMs: 0,
  intervalMs: 1,
  growth: 1,
  maxIntervalMs: 1,
  deadlineMs: 1,
  waitMs: 0,
};

/**
 * Checks a {@link CheckoutConfig} and fills in its defaults. A bad option is a programmer
 * error: throws a TypeError that names it and says what it must be.
 */
export function readConfig(config: CheckoutConfig): CheckoutSettings {
  const {
    backend,
    host,
    onStage,
    confirm = {},
    persistPending = true,
    pendingKey = DEFAULT_PENDING_KEY,
  } = config ?? {};
  const check = (ok: unknown, name: string, expected: string, value: unknown) => {
    if (!ok) invalid(name, expected, value);
  };
  const functions =
    backend &&
    typeof backend.createOrder === 'function' &&
    typeof backend.queryOrder === 'function';
  check(functions, 'backend', 'an object with createOrder and queryOrder functions', backend);
  check(
    host === undefined || typeof host === 'object',
    'host',
    'an object such as wx, or left out',
    host,
  );
  check(onStage === undefined || typeof onStage === 'function', 'onStage', 'a function', onStage);
  check(typeof confirm === 'object', 'confirm', 'an object', confirm);
  check(typeof persistPending === 'boolean', 'persistPending', 'true or false', persistPending);
  check(
    typeof pendingKey === 'string' && pendingKey,
    'pendingKey',
    'a non-empty string',
    pendingKey,
  );
  const schedule = { ...DEFAULT_CONFIRM };
  for (const name of Object.keys(LEAST) as Array<keyof ConfirmOptions>) {
    schedule[name] = readNumber(
      `confirm.${name}`,
      confirm?.[name],
      DEFAULT_CONFIRM[name],
      LEAST[name],
    );
  }
  return {
    backend,
    host,
    onStage,
    pollSchedule: schedule,
    createTimeoutMs: schedule.deadlineMs,
    hostTimeoutMs: readNumber('hostTimeoutMs', config.hostTimeoutMs, DEFAULT_HOST_TIMEOUT_MS, 1),
    resumeGraceMs: readNumber('resumeGraceMs', config.resumeGraceMs, DEFAULT_RESUME_GRACE_MS, 0),
    persistPending,
    pendingKey,
  };
}

function readNumber(name: string, value: unknown, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && value >= least && value <= MAX_TIMER_MS) return value;
  return invalid(name, `a number from ${least} to ${MAX_TIMER_MS}`, value);
}

function invalid(name: string, expected: string, value: unknown): never {
  throw optionError(TAG, 'createCheckout', name, expected, value);
}
