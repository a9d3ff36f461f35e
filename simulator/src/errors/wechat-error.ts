/** Where a wrong value was, as WeChat Pay's `detail` says it. */
export interface ErrorDetail {
  readonly location: 'body' | 'query' | 'path' | 'header' | 'authorization';
  readonly field?: string;
  readonly value?: unknown;
}

/** The body of every refusal, in WeChat Pay's shape. */
export interface WeChatErrorBody {
  readonly code: string;
  readonly message: string;
  readonly detail?: ErrorDetail;
}

/**
 * A refusal as WeChat Pay answers it: an HTTP status and `{ code, message, detail? }`.
 * Thrown anywhere below a route; the error handler answers it.
 */
export class WeChatError extends Error {
  override readonly name = 'WeChatError';

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly detail?: ErrorDetail,
  ) {
    super(message);
  }

  body(): WeChatErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
    };
  }
}

export function isWeChatError(error: unknown): error is WeChatError {
  return error instanceof WeChatError;
}

/** 400 PARAM_ERROR naming the field, e.g. `amount.total`. */
export function paramError(
  field: string,
  message: string,
  location: ErrorDetail['location'] = 'body',
): WeChatError {
  return new WeChatError(400, 'PARAM_ERROR', message, { location, field });
}

/** 401 SIGN_ERROR: the request's signature (or what it is made of) is refused. */
export function signError(message: string): WeChatError {
  return new WeChatError(401, 'SIGN_ERROR', message, {
    location: 'authorization',
    field: 'Authorization',
  });
}
