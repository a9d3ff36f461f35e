import type { AttemptRecord } from './delivery';

/** What one attempt sends. */
export interface OutgoingRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const ANSWER_SHOWN = 200;

/**
 * POSTs one attempt, waiting at most `timeoutMs` (real time) for the whole answer, or until
 * `controller` aborts it (the simulator closing). Never throws: a refused connection or a
 * timeout is an attempt without a status.
 */
export async function sendAttempt(
  request: OutgoingRequest,
  timeoutMs: number,
  times: { readonly at: number; readonly wallAt: number },
  controller: AbortController,
): Promise<AttemptRecord & { readonly answerText: string }> {
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const started = Date.now();
  const serial = request.headers['Wechatpay-Serial'];
  const common = { ...times, ...(serial === undefined ? {} : { serial }) };
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      redirect: 'manual',
    });
    const answerText = await response.text();
    return {
      ...common,
      status: response.status,
      answer: answerText.slice(0, ANSWER_SHOWN),
      durationMs: Date.now() - started,
      answerText,
    };
  } catch (error) {
    const message = timedOut
      ? `no answer within ${timeoutMs} ms`
      : controller.signal.aborted
        ? 'the simulator closed while waiting for the answer'
        : describeFetchError(error);
    return { ...common, error: message, durationMs: Date.now() - started, answerText: '' };
  } finally {
    clearTimeout(timeout);
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
