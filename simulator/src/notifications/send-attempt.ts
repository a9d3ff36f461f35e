import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AttemptRecord } from './delivery';

/** What one attempt sends. */
export interface OutgoingRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const ANSWER_SHOWN = 200;

/**
 * Connections to merchants are kept open between attempts, as WeChat Pay's are. node:http
 * rather than fetch: a notification is one small POST, and fetch's streams cost more CPU
 * than the RSA signature of the notification itself (npm run bench:simulator).
 */
const agents = {
  'http:': new HttpAgent({ keepAlive: true }),
  'https:': new HttpsAgent({ keepAlive: true }),
};

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
  const started = Date.now();
  const serial = request.headers['Wechatpay-Serial'];
  const common = { ...times, ...(serial === undefined ? {} : { serial }) };
  try {
    const { status, answerText } = await post(request, timeoutMs, controller.signal);
    return {
      ...common,
      status,
      answer: answerText.slice(0, ANSWER_SHOWN),
      durationMs: Date.now() - started,
      answerText,
    };
  } catch (error) {
    return {
      ...common,
      error: controller.signal.aborted
        ? 'the simulator closed while waiting for the answer'
        : ((error as NodeJS.ErrnoException).code ?? (error as Error).message),
      durationMs: Date.now() - started,
      answerText: '',
    };
  }
}

/**
 * The status and the text of the answer; rejects on a network error or after `timeoutMs`. A
 * kept-open connection the merchant closed just as it was reused is tried once more on a new one.
 */
function post(
  request: OutgoingRequest,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ status: number; answerText: string }> {
  return postOnce(request, timeoutMs, signal).catch(
    (error: NodeJS.ErrnoException & { reused?: boolean }) => {
      if (error.reused && error.code === 'ECONNRESET' && !signal.aborted) {
        return postOnce(request, timeoutMs, signal);
      }
      throw error;
    },
  );
}

function postOnce(
  request: OutgoingRequest,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ status: number; answerText: string }> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      reject(new Error(`${request.url} is not a URL`));
      return;
    }
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') {
      reject(new Error(`${url.protocol} is not http: or https:`));
      return;
    }
    const body = Buffer.from(request.body, 'utf8');
    const outgoing = (secure ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      agent: agents[secure ? 'https:' : 'http:'],
      signal,
      headers: { ...request.headers, 'Content-Length': String(body.length) },
    });
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(Object.assign(error, { reused: outgoing.reusedSocket }));
    };
    const timer = setTimeout(() => {
      fail(new Error(`no answer within ${timeoutMs} ms`));
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 0,
          answerText: Buffer.concat(chunks).toString('utf8'),
        });
      });
      response.on('error', fail);
      response.on('close', () => fail(new Error('the answer was cut off')));
    });
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}
