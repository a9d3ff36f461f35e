import { isRecord } from '../lib/json';
import type { PaymentEnv } from '../mini-program/config-rules';

/** The fields of a B2b signData the platform uses. */
export interface B2bSignDataFields {
  readonly mchid: string;
  readonly outTradeNo: string;
  readonly description: string;
  readonly orderAmount: number;
  readonly attach: string;
  readonly env: PaymentEnv;
}

export type B2bSignDataCheck =
  | { readonly ok: true; readonly fields: B2bSignDataFields }
  | { readonly ok: false; readonly reason: string };

/** 6-32 of [0-9A-Za-z_-*], as the B2b API documents out_trade_no. */
const OUT_TRADE_NO = /^[0-9A-Za-z_\-*]{6,32}$/;
const MAX_AMOUNT = 100_000_000_00;

/**
 * What the platform checks in a B2b signData (already a JSON object naming a merchant with
 * B2b payment) before it opens the order: out_trade_no's format, a description,
 * `amount.order_amount` a positive integer of fen (currency CNY when given), attach a
 * string, env 0 or 1.
 */
export function checkB2bSignData(data: Record<string, unknown>, mchid: string): B2bSignDataCheck {
  if (typeof data.out_trade_no !== 'string' || !OUT_TRADE_NO.test(data.out_trade_no)) {
    return { ok: false, reason: 'out_trade_no must be 6-32 of [0-9A-Za-z_-*]' };
  }
  if (typeof data.description !== 'string' || data.description === '') {
    return { ok: false, reason: 'description is missing' };
  }
  const amount = data.amount;
  const orderAmount = isRecord(amount) ? amount.order_amount : undefined;
  if (
    typeof orderAmount !== 'number' ||
    !Number.isInteger(orderAmount) ||
    orderAmount <= 0 ||
    orderAmount > MAX_AMOUNT
  ) {
    return { ok: false, reason: 'amount.order_amount must be a positive integer of fen' };
  }
  if (isRecord(amount) && amount.currency !== undefined && amount.currency !== 'CNY') {
    return { ok: false, reason: 'amount.currency must be CNY' };
  }
  if (data.attach !== undefined && typeof data.attach !== 'string') {
    return { ok: false, reason: 'attach must be a string' };
  }
  const env = data.env ?? 0;
  if (env !== 0 && env !== 1) return { ok: false, reason: 'env must be 0 or 1' };
  return {
    ok: true,
    fields: {
      mchid,
      outTradeNo: data.out_trade_no,
      description: data.description,
      orderAmount,
      attach: data.attach ?? '',
      env,
    },
  };
}
