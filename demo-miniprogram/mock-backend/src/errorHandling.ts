import type { FastifyError, FastifyInstance } from 'fastify';
import { errorBody, isApiError } from './httpErrors';

export interface DescribedError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const FASTIFY_ERRORS: Readonly<Record<string, { status: number; code: string; message?: string }>> =
  {
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

/**
 * `{ error: { code, message } }` for every refusal; 405 with Allow for a known path with the
 * wrong method, 404 otherwise. Must be installed before the routes (it watches them).
 */
export function installErrorHandling(app: FastifyInstance): void {
  const routes: { method: string; pattern: RegExp }[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, pattern: patternOf(route.url ?? '') });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = [
      ...new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method)),
    ];
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      const allow = allowed.join(', ');
      return reply
        .code(405)
        .header('allow', allow)
        .send(
          errorBody('METHOD_NOT_ALLOWED', `${request.method} ${path} is not allowed; use ${allow}`),
        );
    }
    return reply.code(404).send(errorBody('NOT_FOUND', `no route ${request.method} ${path}`));
  });

  app.setErrorHandler((error, request, reply) => {
    const described = describeError(error);
    if (described.status >= 500) request.log.error(error);
    return reply.code(described.status).send(errorBody(described.code, described.message));
  });
}

function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${escaped}$`);
}
