import type { FastifyError } from 'fastify';
import { isApiError } from './api-error';

/** What a client is told about an error: status, code and a message fit for a log. */
export interface DescribedError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

type KnownError = { readonly status: number; readonly code: string; readonly message?: string };

/** fastify's own errors, by their code, as this backend answers them. */
const FASTIFY_ERRORS: Readonly<Record<string, KnownError>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'EMPTY_BODY',
    message: 'body is empty but content-type is application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'BODY_TOO_LARGE',
    message: 'body is over 64 KB',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'send application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_CONTENT_LENGTH',
    message: 'content-length does not match the body',
  },
};

/** Maps any error to a status, a code and a message fit for a client (never a stack trace). */
export function describeError(error: unknown): DescribedError {
  if (isApiError(error)) {
    return { status: error.statusCode, code: error.code, message: error.message };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    return { status: 400, code: 'VALIDATION_FAILED', message: String(fastifyError.message) };
  }
  const known = fastifyError.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) {
    return {
      status: known.status,
      code: known.code,
      message: known.message ?? String(fastifyError.message),
    };
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', message: String(fastifyError.message) };
  }
  return { status: 500, code: 'INTERNAL', message: 'internal error' };
}
