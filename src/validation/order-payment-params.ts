import type { ParamIssue } from '../core/outcome';
import { isRecord } from '../shared/values';
import { ORDER_PAYMENT_MUST_BE as MUST_BE } from './must-be';
import { type PaymentParamsInput, preparePaymentParams } from './payment-params';
import type { PreparedParams } from './prepared-params';
import { checkFields, NON_EMPTY, OPTIONAL_OBJECT, OPTIONAL_STRING } from './rules';

/**
 * The parameters of `wx.requestOrderPayment` (mini programs in the custom transaction component,
 * video-account shops): `requestPayment`'s, `pkg` accepted as there, plus `orderInfo` where the
 * order must be checked, and `extUserUin`.
 */
export type OrderPaymentParamsInput = PaymentParamsInput & {
  /** The order, only where the transaction component checks it. @default none */
  orderInfo?: Record<string, unknown>;
  /** The user's id in the outside app. @default none */
  extUserUin?: string;
};

/** The bad fields of `requestOrderPayment` parameters; `[]` when they are valid. */
export function validateOrderPaymentParams(params: unknown): ParamIssue[] {
  return prepareOrderPaymentParams(params).issues;
}

/** Validates and builds what the host receives: `requestPayment`'s fields and the two of its own. */
export function prepareOrderPaymentParams(params: unknown): PreparedParams {
  const payment = preparePaymentParams(params);
  const own = checkFields(isRecord(params) ? params : {}, [
    { field: 'orderInfo', mustBe: MUST_BE.orderInfo, types: OPTIONAL_OBJECT, pattern: NON_EMPTY },
    { field: 'extUserUin', mustBe: MUST_BE.extUserUin, types: OPTIONAL_STRING, pattern: NON_EMPTY },
  ]);
  const value = { ...payment.value, ...own.values };
  return { issues: payment.issues.concat(own.issues), value };
}
