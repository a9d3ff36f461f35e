/** Why a payment call did not succeed, when it was not the user cancelling. */
export type FailCode =
  /** The host reported a failure (signature, permission, risk control, ...), threw, or answered nothing usable. See `detail`. */
  | 'host_error'
  /** The parameters were refused before the host was touched. See `issues`. */
  | 'invalid_params'
  /** No host, or the host lacks the API (old base library, HarmonyOS, iOS virtual payment). */
  | 'unsupported'
  /** A cashier is already open on this host; a second one was not opened. */
  | 'busy'
  /** `timeoutMs` passed without a callback from the host. */
  | 'timeout'
  /** The caller's signal was aborted. */
  | 'aborted';

/** One bad field, named by its path (`signData.outTradeNo`), and a sentence saying what is wrong. */
export interface ParamIssue {
  field: string;
  message: string;
}

/** The host's sheet finished with success. A hint only: confirm with your backend. */
export interface OkOutcome {
  status: 'ok';
  errMsg: string;
  raw: unknown;
}

/** The user closed the cashier (or the host said so: `fail cancel`, errCode -2). */
export interface CancelledOutcome {
  status: 'cancelled';
  errMsg: string;
  errCode?: number;
  errno?: number;
  raw: unknown;
}

/**
 * Anything else. `detail` is a sentence: the host's own reason (without the API name and the
 * `fail` word) when the host answered, else what the library found. `errMsg` and `raw` are
 * what the host delivered: `''` and `undefined` when the library refused before any host
 * answered (`invalid_params`, `unsupported`, `busy`, `timeout`, `aborted`).
 */
export interface FailedOutcome {
  status: 'failed';
  code: FailCode;
  detail: string;
  errMsg: string;
  errCode?: number;
  errno?: number;
  issues?: ParamIssue[];
  raw: unknown;
}

/** What a payment call resolves to. The promise never rejects for a payment outcome. */
export type PaymentOutcome = OkOutcome | CancelledOutcome | FailedOutcome;

/** Which host callback delivered an answer. */
export type HostChannel = 'success' | 'fail' | 'complete';

/** A failure the library found itself, before or instead of a host answer. */
export function refusal(
  code: FailCode,
  detail: string,
  extra: { issues?: ParamIssue[]; raw?: unknown } = {},
): FailedOutcome {
  return { status: 'failed', code, detail, errMsg: '', raw: undefined, ...extra };
}
