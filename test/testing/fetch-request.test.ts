import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpBackend } from 'miniprogram-pay';
import { createFakeHost, type FetchRecord, fetchRequest } from 'miniprogram-pay/testing';
import type { HostRequestOptions } from '../../src/core/host';

/** What the server received, per request. */
const received: Array<{
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}> = [];
/** Requests the server holds without answering, ended when the server closes. */
const held: ServerResponse[] = [];
/** Resolves once /late has answered, after the client had given up. */
let lateAnswered: () => void = () => {};

function route(request: IncomingMessage, response: ServerResponse, body: string) {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const json = (status: number, value: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json', 'x-served-by': 'test' });
    response.end(JSON.stringify(value));
  };
  if (path === '/json') return json(200, { ok: true, items: [1, 2] });
  if (path === '/text') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    return response.end('plain words, not JSON');
  }
  if (path === '/missing') return json(404, { error: 'not found' });
  if (path === '/echo') {
    return json(200, {
      method: request.method,
      url: request.url,
      contentType: request.headers['content-type'] ?? null,
      token: request.headers['x-token'] ?? null,
      body,
    });
  }
  if (path === '/hang') return void held.push(response);
  if (path === '/late') {
    setTimeout(() => {
      json(200, { late: true });
      lateAnswered();
    }, 150);
    return;
  }
  if (path.startsWith('/api/orders/')) {
    return json(200, { orderId: decodeURIComponent(path.slice(12)), state: 'paid' });
  }
  json(500, { error: `no route ${path}` });
}

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ method: request.method, url: request.url, headers: request.headers, body });
      route(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of held.splice(0)) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

type Answer = { channel: 'success' | 'fail'; answer: Record<string, unknown> };

/** Sends one request through `handler` and resolves the first answer, and the task returned. */
function send(
  handler: (request: HostRequestOptions) => unknown,
  request: Omit<HostRequestOptions, 'success' | 'fail'>,
): { answer: Promise<Answer>; answers: Answer[]; task: { abort(): void } } {
  const answers: Answer[] = [];
  let task: { abort(): void } = { abort() {} };
  const answer = new Promise<Answer>((resolve) => {
    const record = (channel: Answer['channel']) => (answer: unknown) => {
      answers.push({ channel, answer: answer as Record<string, unknown> });
      resolve({ channel, answer: answer as Record<string, unknown> });
    };
    task = handler({
      ...request,
      success: record('success'),
      fail: record('fail'),
    }) as { abort(): void };
  });
  return { answer, answers, task };
}

describe('Testing your checkout: fetchRequest answers like wx.request', () => {
  it('200 with JSON: success with statusCode, the parsed data, the headers and request:ok', async () => {
    const { answer } = send(fetchRequest(), { url: `${base}/json` });
    expect(await answer).toEqual({
      channel: 'success',
      answer: {
        statusCode: 200,
        data: { ok: true, items: [1, 2] },
        header: expect.objectContaining({
          'content-type': 'application/json',
          'x-served-by': 'test',
        }),
        errMsg: 'request:ok',
      },
    });
  });

  it('a body that is not JSON: success with the text as data', async () => {
    const { answer } = send(fetchRequest(), { url: `${base}/text` });
    expect(await answer).toMatchObject({
      channel: 'success',
      answer: { statusCode: 200, data: 'plain words, not JSON', errMsg: 'request:ok' },
    });
  });

  it('404: success, not fail (wx.request fails only when no answer came)', async () => {
    const { answer } = send(fetchRequest(), { url: `${base}/missing` });
    expect(await answer).toMatchObject({
      channel: 'success',
      answer: { statusCode: 404, data: { error: 'not found' }, errMsg: 'request:ok' },
    });
  });

  it('POST sends an object as JSON, a string as is, with the given headers', async () => {
    const handler = fetchRequest();
    const object = send(handler, {
      url: `${base}/echo`,
      method: 'POST',
      data: { productId: 'tea', quantity: 1 },
      header: { 'content-type': 'application/json', 'x-token': 't0k3n' },
    });
    expect((await object.answer).answer.data).toEqual({
      method: 'POST',
      url: '/echo',
      contentType: 'application/json',
      token: 't0k3n',
      body: '{"productId":"tea","quantity":1}',
    });
    const text = send(handler, { url: `${base}/echo`, method: 'POST', data: 'a=1&b=2' });
    expect((await text.answer).answer.data).toMatchObject({ body: 'a=1&b=2' });
  });

  // wx.request: "content-type defaults to application/json".
  it('POST without a content-type header sends application/json, as wx.request does', async () => {
    const { answer } = send(fetchRequest(), {
      url: `${base}/echo`,
      method: 'POST',
      data: { productId: 'tea' },
    });
    expect((await answer).answer.data).toMatchObject({
      contentType: expect.stringMatching(/^application\/json/),
    });
  });

  // wx.request: "for GET, data is turned into a query string".
  it('GET with data sends it as the query string, as wx.request does', async () => {
    const { answer } = send(fetchRequest(), {
      url: `${base}/echo`,
      method: 'GET',
      data: { waitMs: 0, q: 'a b' },
    });
    expect((await answer).answer.data).toMatchObject({ url: '/echo?waitMs=0&q=a%20b' });
  });

  it('timeout: fail with request:fail timeout, and no success after it', async () => {
    const { answer, answers } = send(fetchRequest(), { url: `${base}/hang`, timeout: 50 });
    expect(await answer).toEqual({ channel: 'fail', answer: { errMsg: 'request:fail timeout' } });
    expect(answers).toHaveLength(1);
  });

  it('a late answer after the timeout is not delivered: the request settles once', async () => {
    const late = new Promise<void>((resolve) => {
      lateAnswered = resolve;
    });
    const { answer, answers } = send(fetchRequest(), { url: `${base}/late`, timeout: 30 });
    expect((await answer).answer).toEqual({ errMsg: 'request:fail timeout' });
    await late;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answers.map((one) => one.channel)).toEqual(['fail']);
  });

  it('abort(): fail with request:fail abort, once', async () => {
    const { answer, answers, task } = send(fetchRequest(), { url: `${base}/hang` });
    task.abort();
    task.abort();
    expect(await answer).toEqual({ channel: 'fail', answer: { errMsg: 'request:fail abort' } });
    expect(answers).toHaveLength(1);
  });

  it('connection refused: fail with request:fail and the reason', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { answer } = send(fetchRequest(), { url: `http://127.0.0.1:${port}/json` });
    expect(await answer).toEqual({
      channel: 'fail',
      answer: { errMsg: 'request:fail ECONNREFUSED' },
    });
  });

  it('onSettled records each request once, answered or failed', async () => {
    const records: FetchRecord[] = [];
    const handler = fetchRequest({ onSettled: (record) => records.push(record) });
    await send(handler, { url: `${base}/missing` }).answer;
    await send(handler, { url: `${base}/echo`, method: 'POST', data: {} }).answer;
    await send(handler, { url: `${base}/hang`, timeout: 20 }).answer;
    expect(records).toEqual([
      {
        method: 'GET',
        url: `${base}/missing`,
        statusCode: 404,
        errMsg: 'request:ok',
        sentAt: expect.any(Number),
        settledAt: expect.any(Number),
      },
      expect.objectContaining({ method: 'POST', statusCode: 200, errMsg: 'request:ok' }),
      expect.objectContaining({
        method: 'GET',
        url: `${base}/hang`,
        errMsg: 'request:fail timeout',
      }),
    ]);
    expect(records[2]).not.toHaveProperty('statusCode');
    for (const record of records) expect(record.settledAt).toBeGreaterThanOrEqual(record.sentAt);
  });

  it('sends with the fetch it is given', async () => {
    const fetch = jest.fn(async () => ({
      status: 201,
      headers: { forEach: (fn: (value: string, name: string) => void) => fn('1', 'x-fake') },
      text: async () => '{"made":true}',
    }));
    const { answer } = send(fetchRequest({ fetch }), {
      url: 'https://shop.example/api',
      method: 'POST',
      data: { a: 1 },
    });
    expect(await answer).toEqual({
      channel: 'success',
      answer: {
        statusCode: 201,
        data: { made: true },
        header: { 'x-fake': '1' },
        errMsg: 'request:ok',
      },
    });
    expect(fetch).toHaveBeenCalledWith(
      'https://shop.example/api',
      expect.objectContaining({ method: 'POST', body: '{"a":1}' }),
    );
  });

  it('without fetch in the runtime: fail, saying so', async () => {
    const global = globalThis as { fetch?: unknown };
    const saved = global.fetch;
    delete global.fetch;
    try {
      const { answer } = send(fetchRequest(), { url: `${base}/json` });
      expect(await answer).toEqual({
        channel: 'fail',
        answer: { errMsg: expect.stringMatching(/^request:fail .*fetch/) },
      });
    } finally {
      global.fetch = saved;
    }
  });
});

describe("Testing your checkout: createFakeHost({ request: 'fetch' }) against a local server", () => {
  it('sends real HTTP and records every request', async () => {
    const host = createFakeHost({ request: 'fetch' });
    const { answer } = send((request) => host.request?.(request), { url: `${base}/json` });
    expect((await answer).answer).toMatchObject({ statusCode: 200, data: { ok: true } });
    expect(host.requests.map((request) => request.url)).toEqual([`${base}/json`]);
  });

  it("drives httpBackend's queries over the fake host", async () => {
    const host = createFakeHost({ request: 'fetch' });
    const backend = httpBackend({ baseUrl: base, host });
    await expect(backend.queryOrder('order 1', { waitMs: 0 })).resolves.toEqual({
      orderId: 'order 1',
      state: 'paid',
    });
    expect(host.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: expect.stringContaining('/api/orders/order%201'),
      }),
    ]);
    expect(received.at(-1)?.url).toMatch(/^\/api\/orders\/order%201\?waitMs=0$/);
  });
});
